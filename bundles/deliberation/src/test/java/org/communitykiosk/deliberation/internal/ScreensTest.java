package org.communitykiosk.deliberation.internal;

import static org.communitykiosk.deliberation.internal.FakeContext.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.Meeting;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Matters.Category;
import org.communitykiosk.deliberation.internal.Matters.MatterDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;

class ScreensTest {

    private final TestDatabase db = new TestDatabase();
    private final PollEvents events = new PollEvents();
    private final JdbcCouncil council = new JdbcCouncil(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
            events, 1);
    private final JdbcMatters matters = new JdbcMatters(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
            2);
    private final DeliberationPlugin plugin = new DeliberationPlugin(council, matters, events, db.identification(),
            db.residents(), db.clock(), 1);

    @AfterEach
    void close() {
        events.stop();
        db.close();
    }

    private Resident resident(String card, String household) {
        return db.residents().create(new ResidentDraft("居民" + card, card, null, "3", "1-101", household, null, null),
                Actor.system("test"));
    }

    private Component view(String path, FakeContext context) throws Exception {
        return plugin.views().stream().filter(v -> v.path().equals(path)).findFirst().orElseThrow().factory()
                .create(context);
    }

    private static String text(Component root, String id) {
        return ((HasText) get(root, id)).getText();
    }

    private static void click(Component root, String id) {
        ((Button) get(root, id)).click();
    }

    @Test
    void viewsAndAudiences() {
        Map<String, Audience> audiences = plugin.views().stream()
                .collect(Collectors.toMap(PluginView::path, PluginView::audience));
        assertEquals(Map.of("", Audience.PUBLIC, "raise", Audience.RESIDENT, "support", Audience.RESIDENT, "triage",
                Audience.STAFF, "meeting", Audience.STAFF, "checkin", Audience.PUBLIC, "vote", Audience.PUBLIC,
                "screen", Audience.PUBLIC, "minutes", Audience.STAFF), audiences);
        assertEquals("deliberation", plugin.id());
    }

    @Test
    void doorBoothAndProjectorThroughAWholeVote() throws Exception {
        Resident zhang = resident("10000001", "H1");
        Resident li = resident("10000002", "H2");
        String zhangCard = db.newCard(zhang.id());
        String liCard = db.newCard(li.id());
        Meeting meeting = JdbcCouncilTest.meeting(council, Eligibility.ALL, null, 2);
        String id = String.valueOf(meeting.id());

        FakeContext door = FakeContext.passerBy(id);
        Component checkin = view("checkin", door);
        door.cardHandler.cardTapped("99999999");
        assertEquals("This card was not recognised. Please tap again or ask the staff.",
                text(checkin, "checkin-message"));
        door.cardHandler.cardTapped("10000001");
        assertEquals("This card was not recognised. Please tap again or ask the staff.",
                text(checkin, "checkin-message"), "a register number is no card");
        door.cardHandler.cardTapped(zhangCard);
        assertEquals("Checked in. Welcome.", text(checkin, "checkin-message"));
        assertEquals("1 present", text(checkin, "checkin-present"));
        assertEquals("No quorum yet (2 needed)", text(checkin, "checkin-quorum"));
        door.cardHandler.cardTapped("KIOSK-CARD:" + liCard);
        assertEquals("Quorum reached (2)", text(checkin, "checkin-quorum"));

        FakeContext boothContext = FakeContext.passerBy(id);
        Component booth = view("vote", boothContext);
        boothContext.cardHandler.cardTapped(zhangCard);
        assertEquals("No vote is open now.", text(booth, "vote-message"));

        Poll poll = JdbcCouncilTest.yesNoPoll(council, meeting.id(), true);
        boothContext.cardHandler.cardTapped(zhangCard);
        assertEquals("加装电梯", text(booth, "vote-question"));
        assertEquals("Yes", ((Button) get(booth, "vote-choice-0")).getText());
        click(booth, "vote-choice-0");
        assertEquals("Your vote is recorded", text(booth, "vote-recorded"));
        String receipt = text(booth, "vote-receipt");
        assertEquals(8, receipt.length());
        // the voter's next touch anywhere takes the receipt down, before the next person steps up
        Component receiptScreen = get(booth, "vote-receipt-screen");
        com.vaadin.flow.component.ComponentUtil.fireEvent(receiptScreen,
                new com.vaadin.flow.component.ClickEvent<>(receiptScreen));
        assertTrue(FakeContext.find(booth, "vote-receipt").isEmpty(), "the receipt stays on the booth");
        assertEquals("Please tap your card to vote", text(booth, "vote-prompt"));
        boothContext.cardHandler.cardTapped(zhangCard);
        assertEquals("You have already voted. Everyone votes once.", text(booth, "vote-message"));

        Component projector = view("screen", FakeContext.passerBy(id));
        assertEquals("1 ballots cast / 2 present", text(projector, "projector-cast"));

        boothContext.cardHandler.cardTapped(liCard);
        click(booth, "vote-choice-1");
        council.closePoll(poll.id(), JdbcCouncilTest.CHAIR);
        boothContext.cardHandler.cardTapped(liCard);
        assertEquals("No vote is open now.", text(booth, "vote-message"));

        ((ProjectorView) projector).refresh();
        assertEquals("Tie: no decision", text(projector, "projector-outcome"));
        assertTrue(FakeContext.find(projector, "projector-bar-2").isPresent());
        String receipts = get(projector, "projector-receipts").getChildren().map(c -> ((HasText) c).getText())
                .collect(Collectors.joining("\n"));
        assertTrue(receipts.lines().anyMatch(receipt::equals), "the voter finds the receipt: " + receipts);
        assertFalse(receipts.contains("Yes") || receipts.contains("No"), "the room reads no choices: " + receipts);
        assertTrue(text(projector, "projector-chain-head").contains(council.seal(poll.id()).orElseThrow().head()));

        Component minutes = view("minutes", FakeContext.staff(id));
        String text = text(minutes, "minutes-text");
        assertTrue(text.contains("2 present:"), text);
        assertTrue(text.contains(receipt), text);
        assertFalse(text.contains(receipt + "  "), "the minutes list receipts without what they held: " + text);
        assertTrue(text.contains("Tie: no decision"), text);
        assertFalse(zhang.equals(li));
    }

    @Test
    void residentsRaiseStaffSortAndSupportPutsAMatterOnTheAgenda() throws Exception {
        Resident zhang = resident("10000001", "H1");
        Resident li = resident("10000002", "H2");
        Component raise = view("raise", FakeContext.resident(zhang));
        click(raise, "raise-submit");
        assertTrue(text(raise, "raise-error").contains("Please enter a title."));

        long id = matters.raise(new MatterDraft("楼道灯坏了", "3号楼2单元楼道灯不亮", Category.FACILITIES, "3号楼"), zhang).id();
        assertEquals("deliberation.problem.referredTo.required", org.junit.jupiter.api.Assertions.assertThrows(
                org.communitykiosk.api.InvalidInputException.class,
                () -> matters.triage(id, Matters.Route.BIG, "", "需要维修", Actor.staff("wang"))).problems().get(0)
                .key());
        matters.triage(id, Matters.Route.SMALL, null, "居民可以议定", Actor.staff("wang"));

        Component support = view("support", FakeContext.resident(zhang));
        click(support, "support-" + id);
        assertEquals("Thank you for your support.", text(support, "support-message"));
        click(support, "support-" + id);
        assertEquals("You already support this matter.", text(support, "support-message"));
        Component support2 = view("support", FakeContext.resident(li));
        click(support2, "support-" + id);
        assertEquals("Thank you for your support. This matter is now on the next council agenda.",
                text(support2, "support-message"));
        assertEquals(Matters.State.AGENDA, matters.byId(id).orElseThrow().state());
        assertEquals(2, matters.byId(id).orElseThrow().supports());

        Component board = view("", FakeContext.passerBy());
        assertTrue(FakeContext.find(board, "matter-" + id).isPresent());
        assertFalse(FakeContext.find(board, "deliberation-triage-link").isPresent());
        assertTrue(FakeContext.find(view("", FakeContext.staff()), "deliberation-triage-link").isPresent());
        assertEquals(List.of(), FakeContext.ids(view("triage", FakeContext.staff()), "triage-save-"));
    }

    @Test
    void theChairCreatesAMeetingAddsMotionsOpensClosesAndAddsPaperBallots() throws Exception {
        Resident zhang = resident("10000001", "H1");
        long matterId = matters.raise(new MatterDraft("健身器材", "增加健身器材", Category.FACILITIES, "3号楼"), zhang).id();
        matters.triage(matterId, Matters.Route.SMALL, null, "议事会决定", Actor.staff("wang"));
        matters.support(matterId, zhang);
        matters.support(matterId, resident("10000002", "H2"));

        Component list = view("meeting", FakeContext.staff());
        click(list, "meeting-create");
        assertTrue(text(list, "meeting-error").contains("Please enter a title."));
        Meeting meeting = JdbcCouncilTest.meeting(council, Eligibility.ALL, null, 1);
        FakeContext chair = FakeContext.staff(String.valueOf(meeting.id()));
        Component detail = view("meeting", chair);
        click(detail, "agenda-add-" + matterId);
        Component again = view("meeting", chair);
        assertEquals(List.of(), FakeContext.ids(again, "agenda-add-"));
        Council.Motion motion = council.motions(meeting.id()).get(0);
        assertEquals("健身器材", motion.title());
        long pollId = motion.poll().id();
        click(again, "poll-open-" + pollId);
        council.checkIn(meeting.id(), zhang, Actor.staff("wang"));
        council.cast(pollId, zhang, List.of(0));
        Component open = view("meeting", chair);
        assertEquals("1 ballots cast / 1 present", text(open, "poll-cast-" + pollId));
        click(open, "poll-close-" + pollId);
        Component closed = view("meeting", chair);
        assertEquals("Carried", text(closed, "poll-" + pollId + "-outcome"));
        ((com.vaadin.flow.component.textfield.IntegerField) get(closed, "paper-total-" + pollId)).setValue(3);
        ((com.vaadin.flow.component.textfield.IntegerField) get(closed, "paper-valid-" + pollId)).setValue(3);
        ((com.vaadin.flow.component.textfield.IntegerField) get(closed, "paper-option-" + pollId + "-1")).setValue(2);
        click(closed, "paper-add-" + pollId);
        assertTrue(text(closed, "motion-error").contains("The options add up to 2"), text(closed, "motion-error"));
        ((com.vaadin.flow.component.textfield.IntegerField) get(closed, "paper-option-" + pollId + "-2")).setValue(1);
        click(closed, "paper-add-" + pollId);
        Component counted = view("meeting", chair);
        assertEquals("Not carried", text(counted, "poll-" + pollId + "-outcome"));
        assertEquals(List.of(1, 2, 1), council.result(pollId).votes());
        assertFalse(FakeContext.find(counted, "paper-add-" + pollId).isPresent());

        // the chair checks the stored ballots against the seal of the close
        click(counted, "poll-verify-" + pollId);
        assertTrue(text(counted, "poll-verified-" + pollId).startsWith("Intact: the 1 stored ballots"),
                text(counted, "poll-verified-" + pollId));
    }
}
