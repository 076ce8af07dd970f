package org.communitykiosk.core.internal;

/**
 * Translation keys of the problems core reports, defined in the API bundle's {@code i18n/core_zh_CN.properties} and
 * {@code i18n/core_en.properties} (a unit test checks both files).
 */
public final class MessageKeys {

    public static final String NAME_REQUIRED = "resident.name.required";
    public static final String NAME_TOO_LONG = "resident.name.tooLong";
    public static final String CARD_REQUIRED = "resident.card.required";
    public static final String CARD_INVALID = "resident.card.invalid";
    public static final String CARD_TAKEN = "resident.card.taken";
    public static final String PHONE_INVALID = "resident.phone.invalid";
    public static final String PHONE_TAKEN = "resident.phone.taken";
    public static final String BUILDING_TOO_LONG = "resident.building.tooLong";
    public static final String UNIT_TOO_LONG = "resident.unit.tooLong";
    public static final String HOUSEHOLD_TOO_LONG = "resident.household.tooLong";
    public static final String BIRTH_DATE_INVALID = "resident.birthDate.invalid";
    public static final String BIRTH_DATE_FUTURE = "resident.birthDate.future";
    public static final String BIRTH_DATE_TOO_EARLY = "resident.birthDate.tooEarly";
    public static final String PIN_INVALID = "resident.pin.invalid";
    public static final String PIN_TRIVIAL = "resident.pin.trivial";
    public static final String RESIDENT_NOT_FOUND = "resident.notFound";

    public static final String IMPORT_EMPTY = "import.empty";
    public static final String IMPORT_HEADER = "import.header.invalid";
    public static final String IMPORT_COLUMNS = "import.columns";
    public static final String IMPORT_QUOTE = "import.quote.invalid";
    public static final String IMPORT_FIELD_TOO_LONG = "import.field.tooLong";
    public static final String IMPORT_TOO_MANY_ROWS = "import.tooManyRows";
    public static final String IMPORT_TOO_MANY_FIELDS = "import.fields.tooMany";
    public static final String IMPORT_TOO_BIG = "import.tooBig";
    public static final String IMPORT_CARD_DUPLICATE = "import.card.duplicate";
    public static final String IMPORT_PHONE_DUPLICATE = "import.phone.duplicate";
    public static final String IMPORT_UNREADABLE = "import.unreadable";
    public static final String IMPORT_ENCODING = "import.encoding";
    public static final String IMPORT_TOKEN_INVALID = "import.token.invalid";
    public static final String IMPORT_TOKEN_DUPLICATE = "import.token.duplicate";
    public static final String IMPORT_TOKEN_USED = "import.token.used";

    public static final String STORE_FAILED = "store.failed";

    private MessageKeys() {
    }
}
