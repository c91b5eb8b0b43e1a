package nl.bigregister.issuer.distribution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How many items a dispatch loop claims at once, by rate limit and number of loops. */
class DispatchBatchTest {

    @ParameterizedTest(name = "{0}/s over {1} loops: {2} at a time")
    @CsvSource({
            "1, 8, 1",      // a slow Credenco: claimed items would wait longer than their lease allows
            "20, 8, 1",
            "50, 8, 3",
            "200, 8, 12",
            "200, 1, 25",   // never more than the cap, however fast
            "10000, 8, 25"})
    void aboutHalfASecondOfCallsOverAllLoops(double rate, int loops, int expected) {
        assertThat(Workers.dispatchBatch(rate, loops)).isEqualTo(expected);
    }
}
