package io.dunwell.demo;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.dunwell.account.AccountDetails;

/**
 * Made-up business customers in the United States, the United Kingdom and Germany, each with
 * the locale, time zone and currency of its country. Phone numbers come from the ranges
 * reserved for fiction (555-01xx, Ofcom's drama numbers, the Bundesnetzagentur's film numbers).
 */
final class DemoCustomers {

    private record City(String zone, String phonePrefix, int phoneDigits) {
    }

    private record Country(String locale, String currency, String emailDomain, List<City> cities, List<String> names,
                           List<String> trades, List<String> legalForms, List<String> mailboxes) {
    }

    private static final List<String> ENGLISH_NAMES = List.of("Northwind", "Bluepeak", "Ironwood", "Brightline",
            "Silverleaf", "Redstone", "Harbor Point", "Summit", "Pinecrest", "Clearwater", "Evergreen", "Granite",
            "Lighthouse", "Meadowbrook", "Oakridge", "Riverbend", "Stonebridge", "Sunridge", "Westfield", "Copperfield",
            "Falcon", "Horizon", "Keystone", "Maplewood", "Orchard", "Pioneer", "Cedar Lane", "Beacon", "Atlas",
            "Crescent", "Driftwood", "Juniper", "Kestrel", "Larkspur", "Nimbus", "Osprey", "Tidewater", "Foxhill");
    private static final List<String> ENGLISH_TRADES = List.of("Logistics", "Analytics", "Manufacturing", "Software",
            "Dental Group", "Foods", "Builders", "Consulting", "Media", "Health", "Energy", "Outfitters", "Robotics",
            "Labs", "Supply", "Design", "Freight", "Hospitality", "Engineering", "Marketing", "Print", "Security",
            "Telecom", "Brewing", "Architects", "Staffing", "Interiors", "Veterinary");
    private static final List<String> GERMAN_NAMES = List.of("Alpenblick", "Bergmann", "Brückner", "Donautal",
            "Eichhorn", "Elbufer", "Falkenrath", "Fischer", "Hafenstadt", "Isartal", "Kranich", "Lindenberg", "Mainufer",
            "Moseltal", "Neckar", "Nordstern", "Rheinland", "Schwarzwald", "Sonnenberg", "Spreeblick", "Taunus",
            "Weserland", "Wiesental", "Zeppelin", "Ahornweg", "Lichtblick", "Kupferhammer", "Seeblick");
    private static final List<String> GERMAN_TRADES = List.of("Logistik", "Maschinenbau", "Software", "Druckerei",
            "Bäckerei", "Brauerei", "Elektrotechnik", "Medizintechnik", "Beratung", "Bau", "Immobilien", "Spedition",
            "Textil", "Automotive", "Energie", "Reisen", "Verlag", "Feinkost", "Metallbau", "Systemhaus", "Zahntechnik");

    private static final List<Country> COUNTRIES = List.of(
            new Country("en-US", "USD", "example.com", List.of(
                    new City("America/New_York", "+1 212-555-01", 2), new City("America/New_York", "+1 617-555-01", 2),
                    new City("America/Chicago", "+1 312-555-01", 2), new City("America/Chicago", "+1 512-555-01", 2),
                    new City("America/Denver", "+1 303-555-01", 2), new City("America/Phoenix", "+1 602-555-01", 2),
                    new City("America/Los_Angeles", "+1 415-555-01", 2), new City("America/Los_Angeles", "+1 206-555-01", 2)),
                    ENGLISH_NAMES, ENGLISH_TRADES, List.of("Inc.", "LLC", "Corp.", "Co."), List.of("ap", "billing", "accounts")),
            new Country("en-GB", "GBP", "example.co.uk", List.of(
                    new City("Europe/London", "+44 20 7946 0", 3), new City("Europe/London", "+44 161 496 0", 3),
                    new City("Europe/London", "+44 121 496 0", 3), new City("Europe/London", "+44 113 496 0", 3),
                    new City("Europe/London", "+44 141 496 0", 3), new City("Europe/London", "+44 117 496 0", 3)),
                    ENGLISH_NAMES, ENGLISH_TRADES, List.of("Ltd", "Ltd", "plc", "LLP"), List.of("accounts", "finance", "payables")),
            new Country("de-DE", "EUR", "example.de", List.of(
                    new City("Europe/Berlin", "+49 30 23125 ", 3), new City("Europe/Berlin", "+49 40 66969 ", 3),
                    new City("Europe/Berlin", "+49 69 90009 ", 3), new City("Europe/Berlin", "+49 89 99998 ", 3),
                    new City("Europe/Berlin", "+49 221 4710 ", 3)),
                    GERMAN_NAMES, GERMAN_TRADES, List.of("GmbH", "GmbH", "GmbH & Co. KG", "AG", "KG"),
                    List.of("buchhaltung", "rechnungen", "finanzen")));

    private final RandomGenerator random;
    private final Set<String> names = new HashSet<>();

    DemoCustomers(RandomGenerator random) {
        this.random = random;
    }

    /** A customer unlike any before it; half in the US, a fifth in the UK, the rest in Germany. */
    AccountDetails next() {
        double where = random.nextDouble();
        Country country = COUNTRIES.get(where < 0.5 ? 0 : where < 0.7 ? 1 : 2);
        String company = uniqueName(country);
        City city = pick(country.cities());
        String name = company + " " + pick(country.legalForms());
        String email = pick(country.mailboxes()) + "." + slug(company) + "@" + country.emailDomain();
        String phone = city.phonePrefix() + digits(city.phoneDigits());
        return new AccountDetails(name, email, phone, country.locale(), city.zone(), country.currency(), segment());
    }

    private String uniqueName(Country country) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String name = pick(country.names()) + " " + pick(country.trades());
            if (names.add(name)) {
                return name;
            }
        }
        // a demo far larger than the word lists: a number keeps the names apart
        String numbered = pick(country.names()) + " " + pick(country.trades()) + " " + (names.size() + 1);
        names.add(numbered);
        return numbered;
    }

    private String segment() {
        double draw = random.nextDouble();
        return draw < 0.6 ? "smb" : draw < 0.9 ? "mid-market" : "enterprise";
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"),
                Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
