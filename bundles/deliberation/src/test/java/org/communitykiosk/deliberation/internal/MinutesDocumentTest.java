package org.communitykiosk.deliberation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.communitykiosk.api.Actor;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDraft;
import org.communitykiosk.core.testing.TestDatabase;
import org.communitykiosk.deliberation.internal.Council.ChainEntry;
import org.communitykiosk.deliberation.internal.Council.Eligibility;
import org.communitykiosk.deliberation.internal.Council.MajorityRule;
import org.communitykiosk.deliberation.internal.Council.Meeting;
import org.communitykiosk.deliberation.internal.Council.MotionDraft;
import org.communitykiosk.deliberation.internal.Council.PaperTotals;
import org.communitykiosk.deliberation.internal.Council.Poll;
import org.communitykiosk.deliberation.internal.Council.PollKind;
import org.communitykiosk.deliberation.internal.Council.Receipt;
import org.communitykiosk.print.Printer;
import org.communitykiosk.print.Printout;
import org.communitykiosk.print.Printout.Block;
import org.communitykiosk.print.Printout.Heading;
import org.communitykiosk.print.Printout.SignatureLines;
import org.communitykiosk.print.Printout.Table;
import org.communitykiosk.print.Printout.Text;
import org.communitykiosk.print.internal.PdfPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;

/**
 * The minutes as a printout: what each block says after a real meeting (a secret yes/no vote with paper ballots, a
 * named choice, a vote not held), and the same document through the real PDF printer.
 */
class MinutesDocumentTest {

    private static final Actor CHAIR = JdbcCouncilTest.CHAIR;

    private final TestDatabase db = new TestDatabase();
    private final PollEvents events = new PollEvents();
    private final JdbcCouncil council = new JdbcCouncil(db.transactions(), db.migrations(), db.auditLog(), db.clock(),
            events, 2);

    private final List<Resident> residents = new ArrayList<>();
    private Meeting meeting;
    private Poll secret;
    private Poll named;
    private final List<Receipt> secretReceipts = new ArrayList<>();

    // the download link is registered with the UI that shows the screen, as in the shell
    // (held here: Vaadin keeps the current UI by a weak reference)
    private final com.vaadin.flow.component.UI ui = new com.vaadin.flow.component.UI();

    @AfterEach
    void close() {
        com.vaadin.flow.component.UI.setCurrent(null);
        events.stop();
        db.close();
    }

    @BeforeEach
    void meetingWithTwoVotesAndOneNotHeld() {
        com.vaadin.flow.component.UI.setCurrent(ui);
        String[] names = { "张桂兰", "李建国", "王秀英", "赵志强" };
        for (int i = 0; i < names.length; i++) {
            residents.add(db.residents().create(new ResidentDraft(names[i], "1000000" + (i + 1), null, "3", "1-10" + i,
                    "H" + i, null, null), Actor.system("test")));
        }
        // a fifth resident who does not come: eligible, not present
        db.residents().create(new ResidentDraft("孙丽", "10000009", null, "3", "2-101", "H9", null, null),
                Actor.system("test"));
        meeting = JdbcCouncilTest.meeting(council, Eligibility.ALL, null, 2);
        for (Resident r : residents.subList(0, 3)) {
            council.checkIn(meeting.id(), r, CHAIR);
        }
        secret = JdbcCouncilTest.yesNoPoll(council, meeting.id(), true);
        int[] choices = { 0, 0, 1 };
        for (int i = 0; i < 3; i++) {
            secretReceipts.add(council.cast(secret.id(), residents.get(i), List.of(choices[i])));
        }
        council.closePoll(secret.id(), CHAIR);
        council.addPaper(secret.id(), new PaperTotals(4, 2, 1, 1, List.of(1, 1, 0)), CHAIR);

        named = council.addMotion(meeting.id(), new MotionDraft("绿化方案", PollKind.ONE_OF_N, List.of("方案甲", "方案乙"),
                1, false, MajorityRule.PRESENT), CHAIR).poll();
        council.openPoll(named.id(), CHAIR);
        council.cast(named.id(), residents.get(0), List.of(1));
        council.cast(named.id(), residents.get(1), List.of(1));
        council.closePoll(named.id(), CHAIR);

        council.addMotion(meeting.id(), new MotionDraft("下次会议时间", PollKind.YES_NO_ABSTAIN, List.of(), 1, true,
                MajorityRule.TWO_THIRDS), CHAIR);
    }

    private Printout printout() {
        return MinutesDocument.printout(FakeContext.staff(), MinutesDocument.facts(FakeContext.staff(), council, db.residents(),
                meeting.id()));
    }

    private static String text(Block block) {
        if (block instanceof Heading h) {
            return h.text();
        } else if (block instanceof Text t) {
            return t.text();
        } else if (block instanceof Table t) {
            return String.join(" | ", t.header()) + "\n" + t.rows().stream().map(r -> String.join(" | ", r))
                    .collect(Collectors.joining("\n"));
        } else if (block instanceof SignatureLines s) {
            return String.join(" | ", s.labels());
        }
        throw new AssertionError("no chart in minutes: " + block);
    }

    /** The blocks from the heading that starts with {@code prefix} up to the next heading. */
    private static List<Block> section(Printout printout, String prefix) {
        List<Block> blocks = printout.blocks();
        int start = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Heading h && h.text().startsWith(prefix)) {
                start = i;
                break;
            }
        }
        assertTrue(start >= 0, "no heading " + prefix);
        int end = start + 1;
        while (end < blocks.size() && !(blocks.get(end) instanceof Heading)) {
            end++;
        }
        return blocks.subList(start, end);
    }

    private static String sectionText(Printout printout, String prefix) {
        return section(printout, prefix).stream().map(MinutesDocumentTest::text).collect(Collectors.joining("\n"));
    }

    @Test
    void titleAttendanceAgainstEligibleAndSignatureLines() {
        Printout printout = printout();
        assertEquals("Minutes of 六月议事会", printout.title());
        assertTrue(printout.subtitle().contains("社区活动室"), printout.subtitle());
        assertFalse(printout.largeType());
        String attendance = sectionText(printout, "Attendance");
        assertTrue(attendance.contains("Eligible: All residents"), attendance);
        assertTrue(attendance.contains("3 present of 5 eligible; quorum 2, reached."), attendance);
        assertTrue(attendance.contains("1 | 张桂兰\n2 | 李建国\n3 | 王秀英"), attendance);
        assertFalse(attendance.contains("赵志强"), attendance);

        List<Block> blocks = printout.blocks();
        assertEquals(new SignatureLines(List.of("Chair", "Recorder", "Resident representative 1",
                "Resident representative 2")), blocks.get(blocks.size() - 1));
        assertEquals(List.of("Attendance", "1. 加装电梯", "2. 绿化方案", "3. 下次会议时间", "Signatures"),
                blocks.stream().filter(Heading.class::isInstance).map(b -> ((Heading) b).text()).toList());
    }

    @Test
    void aSecretVoteHasItsCountsRuleResultReceiptsWithoutChoicesAndSealAndNoVoterNames() {
        Printout printout = printout();
        String motion = sectionText(printout, "1. 加装电梯");
        assertTrue(motion.contains("Secret ballot"), motion);
        assertTrue(motion.contains("Rule: More than half of the votes cast"), motion);
        // electronic yes 2, no 1; paper yes 1, no 1 (valid 2)
        assertTrue(motion.contains("Option | Votes\nYes | 3\nNo | 2\nAbstain | 0"), motion);
        assertTrue(motion.contains("7 ballots (3 electronic, 4 paper), 1 blank, 1 invalid, 3 present"), motion);
        assertTrue(motion.contains("Paper ballots 4: 2 valid, 1 blank, 1 invalid."), motion);
        assertTrue(motion.contains("Result: Carried"), motion);

        List<ChainEntry> chain = council.chain(secret.id());
        assertTrue(VoteRules.verify(chain));
        Table receipts = (Table) section(printout, "1. 加装电梯").stream()
                .filter(b -> b instanceof Table t && t.header().get(0).equals("Receipt code")).findFirst()
                .orElseThrow();
        // the receipts alone: a voter finds theirs, nobody reads from the minutes what it held
        assertEquals(List.of("Receipt code"), receipts.header());
        assertEquals(secretReceipts.stream().map(Receipt::code).sorted().map(List::of).toList(), receipts.rows());
        assertTrue(motion.contains("Seal of the count: " + chain.get(2).hash()), motion);
        assertTrue(motion.contains("3 ballots, 3 voters in the register"), motion);

        for (Resident r : residents) {
            assertFalse(motion.contains(r.name()), "a secret vote names " + r.id() + ":\n" + motion);
        }
    }

    @Test
    void aNamedVoteListsWhoChoseWhatAndAVoteNotHeldSaysSo() {
        Printout printout = printout();
        String motion = sectionText(printout, "2. 绿化方案");
        assertTrue(motion.contains("Named vote"), motion);
        assertTrue(motion.contains("Rule: More than half of those present"), motion);
        assertTrue(motion.contains("方案甲 | 0\n方案乙 | 2"), motion);
        assertTrue(motion.contains("Result: Carried 方案乙"), motion);
        assertTrue(motion.contains("Name | Choice\n张桂兰 | 方案乙\n李建国 | 方案乙")
                || motion.contains("Name | Choice\n李建国 | 方案乙\n张桂兰 | 方案乙"), motion);

        String notHeld = sectionText(printout, "3. 下次会议时间");
        assertTrue(notHeld.contains("Two thirds of the votes cast"), notHeld);
        assertTrue(notHeld.contains("Not started"), notHeld);
        assertFalse(notHeld.contains("Receipt code"), notHeld);
    }

    @Test
    void eligibleCountsFollowTheMeeting() {
        db.residents().create(new ResidentDraft("周明", "10000010", null, "4", "1-101", "H1", null, null),
                Actor.system("test"));
        Meeting building = JdbcCouncilTest.meeting(council, Eligibility.BUILDING, "4", 1);
        Meeting households = JdbcCouncilTest.meeting(council, Eligibility.HOUSEHOLD, null, 1);
        assertEquals(1, MinutesDocument.eligible(db.residents(), building));
        // H0..H3, H9; 周明 shares H1
        assertEquals(5, MinutesDocument.eligible(db.residents(), households));
        assertEquals(6, MinutesDocument.eligible(db.residents(), meeting));
    }

    @Test
    void theRealPrinterRendersTheMinutes() throws Exception {
        String font = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
        assertTrue(new File(font).isFile(), "the test needs fonts-wqy-microhei");
        byte[] pdf = new PdfPrinter(List.of(font)).pdf(printout());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Minutes of 六月议事会"), text);
            assertTrue(text.contains("张桂兰"), text);
            assertTrue(text.contains("Paper ballots 4: 2 valid, 1 blank, 1 invalid."), text);
            for (ChainEntry entry : council.chain(secret.id())) {
                assertTrue(text.contains(entry.receipt()), text);
            }
            // the 64-digit hash may wrap; its start is on one line
            String head = council.chain(secret.id()).get(2).hash();
            assertTrue(text.replaceAll("\\s", "").contains(head), text);
            assertTrue(text.contains("Resident representative 2"), text);
        }
    }

    @Test
    void thePdfLinkIsOfferedOnlyWithAPrinter() throws Exception {
        DeliberationPlugin plugin = new DeliberationPlugin(council, new JdbcMatters(db.transactions(),
                db.migrations(), db.auditLog(), db.clock(), 2), events, db.identification(), db.residents(),
                db.clock(), 1);
        String id = String.valueOf(meeting.id());
        assertTrue(FakeContext.find(view(plugin, "meeting", id), "minutes-pdf").isEmpty());
        assertTrue(FakeContext.find(view(plugin, "minutes", id), "minutes-pdf").isEmpty());

        List<Printout> printed = new ArrayList<>();
        Printer printer = p -> {
            printed.add(p);
            return new byte[] { '%', 'P', 'D', 'F' };
        };
        plugin.setPrinter(printer);
        FakeContext staff = FakeContext.staff(id);
        Component meetingScreen = plugin.views().stream().filter(v -> v.path().equals("meeting")).findFirst()
                .orElseThrow().factory().create(staff);
        com.vaadin.flow.component.button.Button button = (com.vaadin.flow.component.button.Button) FakeContext
                .get(meetingScreen, "minutes-pdf");
        assertEquals("Minutes (PDF)", button.getText());
        assertTrue(FakeContext.find(view(plugin, "minutes", id), "minutes-pdf").isPresent());

        assertTrue(printed.isEmpty(), "nothing printed before the tap");

        // the tap: the minutes of this meeting, through the printer there at the moment, in the shell's printout
        // dialog (never a download)
        button.click();
        byte[] pdf = staff.printouts.get("minutes-" + id + ".pdf");
        assertEquals("%PDF", new String(pdf, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of("Minutes of 六月议事会"), printed.stream().map(Printout::title).toList());

        plugin.unsetPrinter(printer);
        assertTrue(FakeContext.find(view(plugin, "meeting", id), "minutes-pdf").isEmpty());
    }

    private static Component view(DeliberationPlugin plugin, String path, String id) throws Exception {
        return plugin.views().stream().filter(v -> v.path().equals(path)).findFirst().orElseThrow().factory()
                .create(FakeContext.staff(id));
    }
}
