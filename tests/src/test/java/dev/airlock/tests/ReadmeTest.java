package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README is the user's manual: what it tells people to run must be what the code checks. */
class ReadmeTest {
    private static final Pattern OPENSSL_RECIPE = Pattern.compile("(?s)```sh\\n(f=\"\\$1\".*?openssl pkeyutl[^\\n]*)\\n```");

    @Test
    void opensslRecipe_inReadme_isTheOneTheFormatTestsRun() throws Exception {
        String readme = Files.readString(Cli.ROOT.resolve("README.md"));
        String format = Files.readString(Cli.ROOT.resolve(
                "transfer-formats/src/main/resources/dev/airlock/formats/bundle/FORMAT.md"));
        assertThat(recipe(readme)).isEqualTo(recipe(format));
    }

    @Test
    void readme_showsTheTwoCommands() throws Exception {
        String readme = Files.readString(Cli.ROOT.resolve("README.md"));
        assertThat(readme).contains("./mvnw verify").contains("./airlock");
        assertThat(Files.readString(Cli.ROOT.resolve(".ci/run"))).contains("./mvnw -B verify");
    }

    private static String recipe(String text) {
        Matcher m = OPENSSL_RECIPE.matcher(text);
        assertThat(m.find()).as("an sh block with the openssl recipe").isTrue();
        return m.group(1);
    }

}
