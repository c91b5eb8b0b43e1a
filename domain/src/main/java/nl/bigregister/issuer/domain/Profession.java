package nl.bigregister.issuer.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The professions of article 3 of the Dutch BIG Act. Each has the English name the credential carries
 * (as in Credenco's example, "Physiotherapist") and the Dutch title of the register; both are accepted.
 */
public enum Profession {
    PHYSICIAN("Physician", "Arts"),
    DENTIST("Dentist", "Tandarts"),
    PHARMACIST("Pharmacist", "Apotheker"),
    HEALTHCARE_PSYCHOLOGIST("Healthcare Psychologist", "Gezondheidszorgpsycholoog"),
    PSYCHOTHERAPIST("Psychotherapist", "Psychotherapeut"),
    PHYSIOTHERAPIST("Physiotherapist", "Fysiotherapeut"),
    MIDWIFE("Midwife", "Verloskundige"),
    NURSE("Nurse", "Verpleegkundige"),
    PHYSICIAN_ASSISTANT("Physician Assistant", "Physician assistant"),
    CLINICAL_TECHNOLOGIST("Clinical Technologist", "Klinisch technoloog");

    private final String englishName;
    private final String dutchName;

    Profession(String englishName, String dutchName) {
        this.englishName = englishName;
        this.dutchName = dutchName;
    }

    public String englishName() {
        return englishName;
    }

    public String dutchName() {
        return dutchName;
    }

    /** Finds a profession by its English or Dutch name, ignoring case and surrounding space. */
    public static Profession fromName(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (Profession p : values()) {
                if (p.englishName.toLowerCase(Locale.ROOT).equals(wanted)
                        || p.dutchName.toLowerCase(Locale.ROOT).equals(wanted)
                        || p.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return p;
                }
            }
        }
        throw new InvalidValueException("profession", "must be one of " + Arrays.stream(values())
                .map(Profession::englishName).collect(Collectors.joining(", ")));
    }
}
