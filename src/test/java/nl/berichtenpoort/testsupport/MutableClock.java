package nl.berichtenpoort.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the test moves: deadlines pass when the test says so, not when the machine's clock does. */
public final class MutableClock extends Clock {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private volatile Instant now;

    public MutableClock(LocalDate day) {
        this.now = day.atTime(10, 0).atZone(AMSTERDAM).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void setDay(LocalDate day) {
        now = day.atTime(10, 0).atZone(AMSTERDAM).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return AMSTERDAM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
