package org.communitykiosk.admin.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.communitykiosk.api.resident.ImportProgress;
import org.communitykiosk.api.resident.ImportReport;
import org.communitykiosk.api.resident.Resident;
import org.communitykiosk.api.resident.ResidentDirectory;
import org.communitykiosk.api.resident.ResidentDraft;

/** A register in memory; refusals and import reports are set by the test. */
final class FakeResidentDirectory implements ResidentDirectory {

    final List<Resident> residents = new ArrayList<>();
    final List<ResidentDraft> written = new ArrayList<>();
    final List<Actor> actors = new ArrayList<>();
    InvalidInputException refusal;
    ImportReport report = new ImportReport(0, List.of());
    String imported;
    /** PINs an import pretends to hash, telling its progress; after each, {@link #whileHashing} runs. */
    int pinsToHash;
    Runnable whileHashing = () -> {
    };

    void add(int count) {
        for (int i = 1; i <= count; i++) {
            residents.add(new Resident(i, String.format("Resident %03d", i), Long.toString(10_000_000L + i),
                    null, "3", "2-30" + (i % 10), "H" + i, null, i % 2 == 0));
        }
    }

    @Override
    public Optional<Resident> byId(long id) {
        return residents.stream().filter(r -> r.id() == id).findFirst();
    }

    @Override
    public Optional<Resident> byCard(String cardNumber) {
        return residents.stream().filter(r -> r.cardNumber().equals(cardNumber)).findFirst();
    }

    @Override
    public Optional<Resident> byPhone(String phone) {
        return Optional.empty();
    }

    @Override
    public List<Resident> household(String household) {
        return List.of();
    }

    @Override
    public List<Resident> search(String text, int offset, int limit) {
        String wanted = text == null ? "" : text.strip().toLowerCase();
        return residents.stream()
                .filter(r -> wanted.isEmpty() || r.name().toLowerCase().contains(wanted)
                        || r.cardNumber().contains(wanted))
                .sorted(Comparator.comparing(Resident::name)).skip(offset).limit(limit).toList();
    }

    @Override
    public int count() {
        return residents.size();
    }

    @Override
    public Resident create(ResidentDraft draft, Actor by) {
        return write(0, draft, by);
    }

    @Override
    public Resident update(long id, ResidentDraft draft, Actor by) {
        return write(id, draft, by);
    }

    private Resident write(long id, ResidentDraft draft, Actor by) {
        if (refusal != null) {
            throw refusal;
        }
        written.add(draft);
        actors.add(by);
        return new Resident(id == 0 ? residents.size() + 1 : id, draft.name(), draft.cardNumber(), draft.phone(),
                draft.building(), draft.unit(), draft.household(), draft.birthDate(), draft.pin() != null);
    }

    @Override
    public ImportReport importCsv(Reader csv, Actor by, ImportProgress progress) {
        for (int hashed = 0; hashed <= pinsToHash; hashed++) {
            progress.pinsHashed(hashed, pinsToHash);
            whileHashing.run();
        }
        StringWriter text = new StringWriter();
        try {
            csv.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        imported = text.toString();
        actors.add(by);
        return report;
    }
}
