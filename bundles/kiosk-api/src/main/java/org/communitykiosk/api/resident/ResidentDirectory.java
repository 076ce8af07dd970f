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
     * All rows or none: a file with any bad row writes nothing and the report names every bad row and why.
     */
    ImportReport importCsv(Reader csv, Actor by);
}
