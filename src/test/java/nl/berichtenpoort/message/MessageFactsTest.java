package nl.berichtenpoort.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageFactsTest {

    @Test
    void aPathWithoutIndexesNamesEveryRepeatOfAnElementAlike() {
        assertThat(MessageFacts.withoutIndexes("/Bericht/Header/Dagtekening")).isEqualTo("/Bericht/Header/Dagtekening");
        assertThat(MessageFacts.withoutIndexes("/Bericht/Client[2]/Prestatie[117]/ProductReferentie/Code"))
                .isEqualTo("/Bericht/Client/Prestatie/ProductReferentie/Code");
        assertThat(MessageFacts.withoutIndexes("/Bericht/Client[12]")).isEqualTo("/Bericht/Client");
    }
}
