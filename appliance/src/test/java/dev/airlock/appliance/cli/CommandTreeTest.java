package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandTreeTest {
    @Test
    void names_listEveryCommandOnce_parentsBeforeTheirSubcommands() {
        var names = CommandTree.names();
        assertThat(names).doesNotHaveDuplicates().contains("init", "status", "collector-kit", "assign",
                "bundles", "bundles list", "mak", "mak add", "mak list", "mak remove", "cid show", "config", "config set");
        assertThat(names.indexOf("mak")).isLessThan(names.indexOf("mak add"));
        assertThat(names).noneMatch(n -> n.startsWith("airlock"));
    }
}
