package org.communitykiosk.api.resident;

import java.io.Reader;
import java.util.List;
import java.util.Optional;

import org.communitykiosk.api.Actor;
import org.communitykiosk.api.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The register of residents. Every write is one transaction and is audited.
 */
@ProviderType
public interface ResidentDirectory {

    /**
     * The limits of a CSV import, one place for the screen that receives the file and the directory that reads it:
     * the file's size (a screen stops receiving there; the directory reads no more characters), the residents in one
     * file, the values on one line (a resident file has 8 or 9 columns) and the characters of one value (longer than
     * any valid value). A file over a limit is refused as a whole, and reading stops where the limit is reached.
     *
     * @since 2.1
     */
    int IMPORT_MAX_BYTES = 2 * 1024 * 1024;
    /** @since 2.1 */
    int IMPORT_MAX_ROWS = 10_000;
    /** @since 2.1 */
    int IMPORT_MAX_FIELDS = 20;
    /** @since 2.1 */
    int IMPORT_MAX_FIELD_LENGTH = 1000;

    Optional<Resident> byId(long id);

    Optional<Resident> byCard(String cardNumber);

    Optional<Resident> byPhone(String phone);

    /** Members of a household, by name. */
    List<Resident> household(String household);

    /** Residents whose name, card number or phone contains the text (all when blank), by name, one page. */
    List<Resident> search(String text, int offset, int limit);

    int count();

    /** @throws InvalidInputException with every problem found; nothing is written */
    Resident create(ResidentDraft draft, Actor by);

    /** @throws InvalidInputException with every problem found; nothing is written */
    Resident update(long id, ResidentDraft draft, Actor by);

    /**
     * Imports residents from CSV (UTF-8, header line
     * {@code name,card,phone,building,unit,household,birth_date,pin}; birth date as yyyy-MM-dd; pin optional), with an
     * optional last column {@code card_token}: the {@link CardToken} of a card written elsewhere (a card printer's
     * run), which becomes the resident's valid card; empty for none (staff issue one later). A token must be well
     * formed, appear once in the file and never have been used on this kiosk's register.
     * All rows or none: a file with any bad row writes nothing and the report names every bad row and why. A file
     * over one of the {@code IMPORT_MAX_*} limits is refused where reading reaches the limit, and read no further.
     */
    default ImportReport importCsv(Reader csv, Actor by) {
        return importCsv(csv, by, ImportProgress.NONE);
    }

    /**
     * {@link #importCsv(Reader, Actor)}, telling {@code progress} how far the slow part has come: the PINs of a file
     * are hashed one by one (on purpose slow, as a guess must be), before anything is written. Call it off the UI
     * thread; {@code progress} is called from the hashing threads.
     *
     * @since 2.1
     */
    ImportReport importCsv(Reader csv, Actor by, ImportProgress progress);
}
