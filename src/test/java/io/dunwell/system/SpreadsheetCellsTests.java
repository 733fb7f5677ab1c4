package io.dunwell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTests {

    private static final List<String> SEPARATORS = List.of(",", ";", "\t", "|");

    @Test
    void aFormulaAfterASemicolonIsTextInASemicolonLocale() {
        assertThat(SpreadsheetCells.neutralised("x;=1+1")).isEqualTo("x;'=1+1");
    }

    @Test
    void aCellThatStartsLikeAFormulaGetsAnApostrophe() {
        assertThat(SpreadsheetCells.neutralised("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(SpreadsheetCells.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(SpreadsheetCells.neutralised("ACME GmbH; Berlin, 2 - 3 @ noon")).isEqualTo("ACME GmbH; Berlin, 2 - 3 @ noon");
        assertThat(SpreadsheetCells.neutralised("")).isEmpty();
        assertThat(SpreadsheetCells.neutralised(null)).isNull();
    }

    @Test
    void noPartOfACellStartsAFormulaWhateverTheSeparatorOfTheLocale() {
        List<String> hostile = List.of("x;=1+1", "a,+1", "a|-1", "a\t@x", "\t=1", "a\t\t=1", "a;;=1", "=a,=b;+c|-d\t@e",
                "ok\n=cmd|' /C calc'!A0", "a\r=1", "-", ";", "x;\r=1");
        for (String value : hostile) {
            String cell = SpreadsheetCells.neutralised(value);
            for (String separator : SEPARATORS) {
                for (String part : cell.split(Pattern.quote(separator), -1)) {
                    for (String line : part.split("\n", -1)) {
                        assertThat(line).as("%s split at %s", cell, separator).doesNotStartWith("=").doesNotStartWith("+")
                                .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                    }
                }
            }
        }
    }
}
