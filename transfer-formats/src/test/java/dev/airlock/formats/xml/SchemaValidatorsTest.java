package dev.airlock.formats.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class SchemaValidatorsTest {
    private static final String XSD = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>"
            + "<xs:element name='n' type='xs:int'/></xs:schema>";

    private static SchemaValidators validators() throws SAXException {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return new SchemaValidators(sf.newSchema(new StreamSource(new StringReader(XSD))));
    }

    private static StreamSource xml(String text) {
        return new StreamSource(new StringReader(text));
    }

    @Test
    void aReusedValidator_stillRefusesBadInput_afterAGoodOne_andAcceptsGoodInput_afterABadOne() throws Exception {
        SchemaValidators v = validators();

        v.validate(xml("<n>1</n>"));
        assertThatThrownBy(() -> v.validate(xml("<n>one</n>"))).isInstanceOf(SAXException.class);
        v.validate(xml("<n>2</n>"));
        assertThatThrownBy(() -> v.validate(xml("<m>2</m>"))).isInstanceOf(SAXException.class);
        v.validate(xml("<n>3</n>"));
    }

    @Test
    void manyThreadsAtOnce_eachGetTheirOwnVerdict() throws Exception {
        SchemaValidators v = validators();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String text = i % 3 == 0 ? "<n>x" + i + "</n>" : "<n>" + i + "</n>";
                verdicts.add(pool.submit(() -> {
                    try {
                        v.validate(xml(text));
                        return true;
                    } catch (SAXException e) {
                        return false;
                    }
                }));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertThat(verdicts.get(i).get()).as("document %d", i).isEqualTo(i % 3 != 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
