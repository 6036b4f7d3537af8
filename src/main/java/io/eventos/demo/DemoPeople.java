package io.eventos.demo;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Made-up people for the demo: international first and last names that belong together, e-mail addresses at the
 * reserved example domains, and (for leads) a company and a job title. Deterministic: the same seed gives the
 * same people in the same order.
 */
final class DemoPeople {

    /** A person: e-mail may be null (an attendee whose buyer did not give one). */
    record Person(String firstName, String lastName, String email, String company, String jobTitle, String phone) {

        String fullName() {
            return firstName + " " + lastName;
        }
    }

    /** First names and last names of one naming tradition (last names that do not change with gender). */
    private record Culture(List<String> firstNames, List<String> lastNames, String phonePrefix) {
    }

    private static final List<Culture> CULTURES = List.of(
            new Culture(List.of("Lena", "Jonas", "Mia", "Felix", "Hannah", "Lukas", "Clara", "Moritz"),
                    List.of("Schneider", "Becker", "Hoffmann", "Wagner", "Krüger", "Schulz", "Vogel", "Braun"), "+49"),
            new Culture(List.of("Astrid", "Erik", "Freja", "Lars", "Sigrid", "Nils", "Ingrid", "Mikkel"),
                    List.of("Lindqvist", "Johansson", "Haugen", "Nielsen", "Berg", "Dahl", "Holm", "Strand"), "+46"),
            new Culture(List.of("Lucía", "Mateo", "Carmen", "Javier", "Elena", "Diego", "Marta", "Pablo"),
                    List.of("García", "Martínez", "Fernández", "López", "Romero", "Navarro", "Ortega", "Molina"), "+34"),
            new Culture(List.of("Giulia", "Marco", "Chiara", "Luca", "Francesca", "Matteo", "Sara", "Davide"),
                    List.of("Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Greco", "Marino", "Conti"), "+39"),
            new Culture(List.of("Zofia", "Jakub", "Agnieszka", "Piotr", "Kasia", "Tomasz", "Ewa", "Marek"),
                    List.of("Nowak", "Wójcik", "Kaczmarek", "Mazur", "Krawczyk", "Zając", "Król", "Wróbel"), "+48"),
            new Culture(List.of("Yuki", "Haruto", "Sakura", "Ren", "Aoi", "Daiki", "Hina", "Sota"),
                    List.of("Tanaka", "Suzuki", "Sato", "Yamamoto", "Nakamura", "Kobayashi", "Ito", "Watanabe"), "+81"),
            new Culture(List.of("Wei", "Mei", "Jun", "Lin", "Xiaoming", "Yan", "Hao", "Jing"),
                    List.of("Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Zhou", "Wu"), "+86"),
            new Culture(List.of("Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Meera"),
                    List.of("Sharma", "Patel", "Iyer", "Reddy", "Gupta", "Nair", "Menon", "Kapoor"), "+91"),
            new Culture(List.of("Chiamaka", "Emeka", "Ngozi", "Tunde", "Adaeze", "Oluwaseun", "Funmi", "Chidi"),
                    List.of("Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu", "Okonkwo", "Adebayo", "Obi"), "+234"),
            new Culture(List.of("Beatriz", "Thiago", "Larissa", "Rafael", "Camila", "Gustavo", "Fernanda", "Lucas"),
                    List.of("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ribeiro"), "+55"),
            new Culture(List.of("Elif", "Emre", "Zeynep", "Mehmet", "Ayşe", "Burak", "Deniz", "Can"),
                    List.of("Yılmaz", "Demir", "Şahin", "Çelik", "Kaya", "Aydın", "Öztürk", "Arslan"), "+90"),
            new Culture(List.of("Camille", "Hugo", "Chloé", "Louis", "Manon", "Théo", "Inès", "Jules"),
                    List.of("Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre", "Girard", "Roux"), "+33"),
            new Culture(List.of("Emily", "James", "Olivia", "Michael", "Sarah", "Daniel", "Grace", "Ethan"),
                    List.of("Johnson", "Miller", "Davis", "Walker", "Thompson", "Clark", "Harris", "Lewis"), "+1"),
            new Culture(List.of("Ji-woo", "Min-jun", "Seo-yeon", "Do-hyun", "Ha-eun", "Joon", "Yuna", "Tae-yang"),
                    List.of("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Han"), "+82"),
            new Culture(List.of("Linh", "Minh", "Thao", "Duc", "Lan", "Quang", "Mai", "Khoa"),
                    List.of("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"), "+84"),
            new Culture(List.of("Layla", "Omar", "Nour", "Karim", "Yasmin", "Tariq", "Salma", "Rami"),
                    List.of("Haddad", "Khalil", "Mansour", "Farouk", "Nasser", "Saleh", "Aziz", "Hamdan"), "+971"),
            new Culture(List.of("Sanne", "Daan", "Femke", "Bram", "Lotte", "Sem", "Noor", "Jesse"),
                    List.of("de Vries", "van Dijk", "Bakker", "Visser", "Jansen", "de Jong", "Smit", "Mulder"), "+31"),
            new Culture(List.of("Aoife", "Ciarán", "Siobhán", "Darragh", "Niamh", "Seán", "Orla", "Cian"),
                    List.of("Murphy", "O'Brien", "Byrne", "Kelly", "Walsh", "Ryan", "Doyle", "Lynch"), "+353"));

    private static final List<String> PERSONAL_DOMAINS = List.of("example.com", "example.org", "example.net");

    private static final List<String> COMPANIES = List.of(
            "Tidewater Labs", "Fjordline Software", "Kumo Systems", "Mercado Norte", "Baltic Cloud", "Openlane",
            "Brightfield Analytics", "Copperleaf Health", "Harbourlight Media", "Lumen & Co", "Northbeam Mobility",
            "Sunfold Energy", "Quill Publishing", "Redwood Robotics", "Atlas Freight", "Greenhouse Studio");

    private static final List<String> JOB_TITLES = List.of(
            "Head of Product", "Product Manager", "Senior Product Designer", "Engineering Manager", "CTO",
            "Marketing Lead", "Events Coordinator", "Head of People", "Staff Engineer", "VP Partnerships",
            "Community Manager", "Founder");

    private final Random random;
    private final Set<String> names = new HashSet<>();
    private final Set<String> emails = new HashSet<>();

    DemoPeople(Random random) {
        this.random = random;
    }

    /** A new private person with an e-mail address at an example domain. */
    Person next() {
        return create(true, false);
    }

    /** A new person who may have no e-mail address (an extra ticket in someone else's order). */
    Person guest(double chanceOfEmail) {
        return create(random.nextDouble() < chanceOfEmail, false);
    }

    /** A new business contact: company, job title and a work address at the company's example domain. */
    Person lead() {
        return create(true, true);
    }

    /** Marks an address as taken (e.g. the staff accounts), so no made-up person gets it. */
    void reserve(String email) {
        emails.add(email.toLowerCase(Locale.ROOT));
    }

    private Person create(boolean withEmail, boolean business) {
        Culture culture;
        String first;
        String last;
        do {
            culture = CULTURES.get(random.nextInt(CULTURES.size()));
            first = pick(culture.firstNames());
            last = pick(culture.lastNames());
        } while (!names.add(first + " " + last));
        String company = business ? pick(COMPANIES) : null;
        String jobTitle = business ? pick(JOB_TITLES) : null;
        String email = null;
        if (withEmail) {
            String domain = business ? slug(company) + ".example" : pick(PERSONAL_DOMAINS);
            email = uniqueEmail(slug(first) + "." + slug(last), domain);
        }
        String phone = business || random.nextInt(3) == 0 ? phone(culture.phonePrefix()) : null;
        return new Person(first, last, email, company, jobTitle, phone);
    }

    private String uniqueEmail(String local, String domain) {
        String candidate = local + "@" + domain;
        for (int i = 2; !emails.add(candidate); i++) {
            candidate = local + i + "@" + domain;
        }
        return candidate;
    }

    private String phone(String prefix) {
        StringBuilder number = new StringBuilder(prefix).append(' ');
        for (int i = 0; i < 9; i++) {
            if (i == 3 || i == 6) {
                number.append(' ');
            }
            number.append(random.nextInt(10));
        }
        return number.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** "Lucía" -> "lucia", "O'Brien" -> "obrien", "de Vries" -> "devries", "Lumen & Co" -> "lumenco". */
    static String slug(String value) {
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ı", "i").replace("ł", "l").replace("Ł", "L");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
