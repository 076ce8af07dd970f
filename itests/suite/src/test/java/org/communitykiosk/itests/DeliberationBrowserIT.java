package org.communitykiosk.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A council meeting in four browsers: the chair creates the meeting and opens a vote, residents check in at the door
 * kiosk and vote at the booth, and the projector screen follows by push; a second ballot is refused.
 */
@ExtendWith(KioskServer.class)
class DeliberationBrowserIT {

    @Test
    void checkInVoteAtTheBoothWhileTheProjectorFollowsThenCloseWithTheResult() {
        try (KioskBrowser chair = new KioskBrowser(); KioskBrowser door = new KioskBrowser();
                KioskBrowser booth = new KioskBrowser(); KioskBrowser projector = new KioskBrowser()) {
            chair.signInStaff("staff", "staff2026");
            chair.open("deliberation/meeting").find("#meeting-title");
            chair.type("#meeting-title", "三号楼加装电梯议事会");
            chair.script("arguments[0].value = '2026-11-23T19:00'", chair.find("#meeting-starts"));
            chair.type("#meeting-place", "社区活动室");
            chair.type("#meeting-quorum", "2");
            chair.click("#meeting-create");
            chair.find("#meeting-detail");
            String meetingUrl = chair.driver.getCurrentUrl();
            String meetingId = meetingUrl.substring(meetingUrl.lastIndexOf('/') + 1);

            chair.type("#motion-title", "是否同意三号楼加装电梯");
            chair.click("#motion-add");
            chair.waitUntil(d -> !chair.all("[id^=poll-open-]").isEmpty(), Duration.ofSeconds(20));
            chair.all("[id^=poll-open-]").get(0).click();
            chair.waitUntil(d -> !chair.all("[id^=poll-close-]").isEmpty(), Duration.ofSeconds(20));

            projector.open("deliberation/screen/" + meetingId).find("#projector");

            door.open("deliberation/checkin/" + meetingId).find("#checkin");
            door.tapCard(DemoCards.token(1));
            door.waitForText("#checkin-present", "1");
            door.tapCard(DemoCards.token(4));
            door.waitForText("#checkin-present", "2");

            booth.open("deliberation/vote/" + meetingId).find("#vote-booth");
            booth.tapCard(DemoCards.token(1));
            booth.click("#vote-choice-0");
            booth.find("#vote-recorded");
            String receipt = booth.text("#vote-receipt");
            assertFalse(receipt.isBlank(), "the voter gets a receipt code");
            // the projector follows by push, without a reload
            projector.waitUntil(d -> projector.text("#projector-cast").contains("1"), Duration.ofSeconds(5));

            // the receipt is the voter's alone: it goes by itself after a few seconds, before the next person
            booth.waitUntil(d -> booth.present("#vote-prompt") && !booth.present("#vote-recorded"),
                    Duration.ofSeconds(15));
            booth.tapCard(DemoCards.token(1));
            // refused in words at the booth, no ballot offered, and nothing counted
            booth.waitUntil(d -> booth.all("#vote-message").stream().anyMatch(m -> !m.getText().isBlank()),
                    Duration.ofSeconds(10));
            assertFalse(booth.present("#vote-choice-0"), "a second ballot is refused");
            assertTrue(projector.text("#projector-cast").contains("1"), "still one ballot cast");

            booth.open("deliberation/vote/" + meetingId).find("#vote-booth");
            booth.tapCard(DemoCards.token(4));
            booth.click("#vote-choice-1");
            booth.find("#vote-recorded");
            projector.waitUntil(d -> projector.text("#projector-cast").contains("2"), Duration.ofSeconds(5));

            // the live screen is watched, not touched: it stays up past the idle time that sends a passer-by's
            // screen back home
            KioskServer.sleep((KioskServer.IDLE_TIMEOUT_SECONDS + 3) * 1000L);
            assertTrue(projector.present("#projector"), "the projector stays on the live screen");

            // a backup now would copy the ballots in the order they were cast: refused until the close
            String backup = KioskServer.shell("kiosk:backup");
            assertTrue(backup.contains("A backup cannot be taken now: a vote is open"), backup);

            chair.driver.navigate().refresh();
            chair.waitUntil(d -> !chair.all("[id^=poll-close-]").isEmpty(), Duration.ofSeconds(20));
            String pollId = chair.all("[id^=poll-close-]").get(0).getAttribute("id").substring("poll-close-".length());
            chair.all("[id^=poll-close-]").get(0).click();
            projector.waitUntil(d -> projector.present("#projector-result"), Duration.ofSeconds(10));
            // the live screen keeps updating by push: read each text afresh
            assertTrue(projector.text("#projector-receipts").contains(receipt),
                    "the published receipts contain the voter's code");
            assertTrue(projector.text("#projector-receipts").lines().allMatch(l -> l.strip().matches("[A-Z0-9]+")),
                    "the room reads receipt codes only, no choices: " + projector.text("#projector-receipts"));
            // the technician checks the stored ballots against the seal the close wrote
            String verified = KioskServer.shell("deliberation:verify " + pollId);
            assertTrue(verified.contains("INTACT: poll " + pollId + ", ballots stored 2 (sealed 2)"), verified);
            assertFalse(projector.text("#projector-outcome").isBlank());
            assertFalse(projector.text("#projector-chain-head").isBlank());
            assertTrue(projector.driver.findElements(By.cssSelector("[id^=projector-bar-]")).size() >= 2);
        }
    }
}
