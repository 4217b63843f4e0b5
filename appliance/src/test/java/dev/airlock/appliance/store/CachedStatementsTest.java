package dev.airlock.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.testing.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prepared statements kept for reuse on a lane's connection: the same answers as preparing each anew. */
class CachedStatementsTest {
    @TempDir
    Path tmp;

    private Store store;

    @BeforeEach
    void open() {
        Samples.initLab(tmp.resolve("data")).close();
        store = Store.open(tmp.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theSameSqlAgain_withOtherValues_answersForTheNewValues() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            int twice = store.read(tx -> tx.handle().createQuery("SELECT :n * 2").bind("n", n).mapTo(Integer.class)
                    .one());
            assertThat(twice).isEqualTo(n * 2);
        }
    }

    @Test
    void theSameQueryInsideItsOwnRowMapper_getsAStatementOfItsOwn() {
        String sql = "SELECT value FROM json_each(:list) ORDER BY value";
        List<String> pairs = store.read(tx -> tx.handle().createQuery(sql).bind("list", "[1,2,3]")
                .map((rs, ctx) -> rs.getInt(1) + ":" + tx.handle().createQuery(sql).bind("list", "[7,8]")
                        .mapTo(Integer.class).list())
                .list());
        assertThat(pairs).containsExactly("1:[7, 8]", "2:[7, 8]", "3:[7, 8]");
    }

    @Test
    void moreDistinctStatementsThanAreKept_eachStillAnswersRight() {
        List<Integer> answers = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < CachedStatements.MAX + 50; i++) {
                int n = i;
                answers.add(store.read(tx -> tx.handle().createQuery("SELECT " + n + " + :one").bind("one", 1)
                        .mapTo(Integer.class).one()));
            }
        }
        assertThat(answers).hasSize(2 * (CachedStatements.MAX + 50));
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i)).isEqualTo(i % (CachedStatements.MAX + 50) + 1);
        }
    }

    @Test
    void aFailedStatement_leavesTheConnectionUsable_andTheTransactionUndone() {
        store.execute(tx -> tx.handle().execute("CREATE TABLE t (x INTEGER NOT NULL)"));
        assertThatThrownBy(() -> store.execute(tx -> {
            tx.handle().createUpdate("INSERT INTO t VALUES (:x)").bind("x", 1).execute();
            tx.handle().createUpdate("INSERT INTO t VALUES (:x)").bindNull("x", java.sql.Types.INTEGER).execute();
        })).isInstanceOf(RuntimeException.class);
        store.execute(tx -> tx.handle().createUpdate("INSERT INTO t VALUES (:x)").bind("x", 2).execute());
        assertThat(rows()).isEqualTo("2");
    }

    @Test
    void aSavepointUndoneByItsResult_leavesTheRestOfTheTransaction() {
        store.execute(tx -> tx.handle().execute("CREATE TABLE t (x INTEGER NOT NULL)"));
        store.execute(tx -> {
            for (int x = 1; x <= 4; x++) {
                int v = x;
                tx.savepoint(t -> t.handle().createUpdate("INSERT INTO t VALUES (:x)").bind("x", v).execute(),
                        rows -> v % 2 == 0);
            }
        });
        assertThat(rows()).isEqualTo("2,4");
    }

    private String rows() {
        return store.read(tx -> tx.handle().createQuery("SELECT group_concat(x) FROM t").mapTo(String.class).one());
    }
}
