-- Products in list order (machine, then product name): lets a page of the product list or the
-- kiosk's machine grid be read in order instead of sorting every product for each page.
CREATE INDEX product_by_machine_name ON product (machine_id, name);
