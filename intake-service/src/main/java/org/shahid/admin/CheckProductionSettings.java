package org.shahid.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.shahid.kernel.Settings;
import org.shahid.monitors.Monitor;
import org.shahid.monitors.Roster;

/**
 * What {@code validate} refuses in settings meant for production: the demo's values left in place (the domain,
 * Shahid's own addresses, mailbox logins and roster on {@code shahid.test}, which would send every report's text
 * to a demo monitor) and mailboxes without a password. Stateless.
 */
final class CheckProductionSettings {

    static final String DEMO_DOMAIN = "shahid.test";

    private CheckProductionSettings() {
    }

    /** The mailboxes named in the settings ({@code shahid.mailbox.<name>.username}). */
    static List<String> mailboxes(Settings settings) {
        TreeSet<String> names = new TreeSet<>();
        for (Object key : settings.asProperties().keySet()) {
            String text = key.toString();
            if (text.startsWith("shahid.mailbox.") && text.endsWith(".username")) {
                names.add(text.substring("shahid.mailbox.".length(), text.length() - ".username".length()));
            }
        }
        return List.copyOf(names);
    }

    static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        if (isDemo(settings.text("shahid.domain", ""))) {
            problems.add("shahid.domain is the demo's " + DEMO_DOMAIN + ": set your own domain (SHAHID_DOMAIN)");
        }
        for (String address : settings.list("shahid.own-addresses")) {
            if (isDemo(address)) {
                problems.add("shahid.own-addresses still holds the demo address " + address
                        + ": list your mailboxes' addresses (SHAHID_OWN_ADDRESSES)");
            }
        }
        for (String mailbox : mailboxes(settings)) {
            String prefix = "shahid.mailbox." + mailbox + ".";
            for (String field : List.of("address", "username")) {
                String value = settings.text(prefix + field, "");
                if (isDemo(value)) {
                    problems.add(prefix + field + " is the demo's " + value + " (" + environmentName(prefix + field) + ")");
                }
            }
            if (!settings.has(prefix + "password")) {
                problems.add(prefix + "password is not set (" + environmentName(prefix + "password") + " or "
                        + environmentName(prefix + "password") + "_FILE)");
            }
        }
        Roster roster = Roster.load(settings.home().resolve(settings.text("shahid.monitors.roster-file")));
        for (Monitor monitor : roster.monitors()) {
            if (isDemo(monitor.address())) {
                problems.add("the roster " + settings.text("shahid.monitors.roster-file") + " still lists the demo"
                        + " monitor " + monitor.address() + ": every report would go there; list your monitors");
            }
        }
        return problems;
    }

    private static boolean isDemo(String value) {
        String lower = value.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.equals(DEMO_DOMAIN) || lower.endsWith("." + DEMO_DOMAIN) || lower.endsWith("@" + DEMO_DOMAIN);
    }

    private static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
