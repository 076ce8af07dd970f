package org.communitykiosk.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.communitykiosk.api.Actor;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

class AuditViewTest {

    // download links (template, export) are registered with the UI that shows the screen, as in the shell
    // (held here: Vaadin keeps the current UI by a weak reference)
    private final com.vaadin.flow.component.UI ui = new com.vaadin.flow.component.UI();

    @org.junit.jupiter.api.BeforeEach
    void showInAUi() {
        com.vaadin.flow.component.UI.setCurrent(ui);
    }

    @org.junit.jupiter.api.AfterEach
    void leaveTheUi() {
        com.vaadin.flow.component.UI.setCurrent(null);
    }

    private static final Instant NOW = Instant.parse("2024-03-08T04:00:00Z");

    private final FakeAuditLog log = new FakeAuditLog();
    private final Clock clock = Clock.fixed(NOW, TestContext.ZONE);

    @Test
    void entriesAreShownNewestFirstAPageAtATime() {
        for (int i = 0; i < 30; i++) {
            log.add(NOW.minusSeconds(3600L * (30 - i)), Actor.staff("admin"), "resident.update", "resident:" + i, null);
        }
        AuditView view = new AuditView(new TestContext(), log, clock);

        assertEquals(25, view.shown().size());
        assertEquals("resident:29", view.shown().get(0).subject());
        Button next = Components.byId(view, "audit-next", Button.class);
        assertTrue(next.isEnabled());
        next.click();
        assertEquals(5, view.shown().size());
        assertEquals("resident:4", view.shown().get(0).subject());
        assertEquals(NOW, log.queries.get(0).until());
    }

    @Test
    void theFilterIsAppliedFromTheFields() {
        log.add(NOW.minusSeconds(60), Actor.staff("admin"), "bulletin.notice.post", "notice:1", null);
        log.add(NOW.minusSeconds(50), Actor.staff("zhang"), "bulletin.notice.post", "notice:2", null);
        log.add(NOW.minusSeconds(40), Actor.staff("admin"), "resident.create", "resident:1", null);
        AuditView view = new AuditView(new TestContext(), log, clock);
        assertEquals(3, view.shown().size());

        Components.byId(view, "audit-actor", TextField.class).setValue(" admin ");
        Components.byId(view, "audit-action", TextField.class).setValue("bulletin.");
        Components.byId(view, "audit-from", DatePicker.class).setValue(LocalDate.of(2024, 3, 8));
        Components.byId(view, "audit-apply", Button.class).click();

        assertEquals(1, view.shown().size());
        assertEquals("notice:1", view.shown().get(0).subject());
        assertEquals(new AuditFilter(LocalDate.of(2024, 3, 8), null, "admin", "bulletin."), view.filter());
    }

    @Test
    void aStartAfterTheEndIsRefusedAndTheListKept() {
        log.add(NOW.minusSeconds(60), Actor.staff("admin"), "bulletin.notice.post", "notice:1", null);
        AuditView view = new AuditView(new TestContext(), log, clock);
        Components.byId(view, "audit-from", DatePicker.class).setValue(LocalDate.of(2024, 3, 8));
        Components.byId(view, "audit-to", DatePicker.class).setValue(LocalDate.of(2024, 3, 1));
        Components.byId(view, "audit-apply", Button.class).click();

        Paragraph error = Components.byId(view, "audit-filter-error", Paragraph.class);
        assertTrue(error.isVisible());
        assertEquals("The start date cannot be after the end date", error.getText());
        assertEquals(AuditFilter.NONE, view.filter());
        assertEquals(1, view.shown().size());
    }

    @Test
    void anEmptyLogSaysSo() {
        AuditView view = new AuditView(new TestContext(), log, clock);
        assertTrue(Components.byId(view, "audit-empty", Paragraph.class).isVisible());
        assertFalse(Components.byId(view, "audit-next", Button.class).isEnabled());
    }
}
