package io.homeport.tunnel.dns;

import io.homeport.tunnel.dns.DnsAction.Conflict;
import io.homeport.tunnel.dns.DnsAction.Create;
import io.homeport.tunnel.dns.DnsAction.Delete;
import io.homeport.tunnel.dns.DnsAction.Update;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans the DNS changes of one zone: each public hostname gets a proxied CNAME to its tunnel,
 * {@code <tunnel id>.cfargotunnel.com}, as DockFlare creates it.
 *
 * <p>The plan takes the desired hostnames of every tunnel at once ({@code tunnelIdByHostname}), because deleting
 * a record is only safe knowing that no tunnel wants its name any more: an app that moved from one host to another
 * is a repoint, not a delete and a create. Hostnames outside the zone are ignored, so one map serves every zone.
 *
 * <ul>
 *   <li>No record by the name: create it.</li>
 *   <li>A record by the name that is not this owner's: a conflict, left alone (also when it is another Homeport
 *       installation's).</li>
 *   <li>This owner's record, already a proxied CNAME to the right tunnel: nothing, so a steady state makes no
 *       writes. Otherwise: update it. A second record of this owner by the same name: delete it.</li>
 *   <li>This owner's record whose name no tunnel wants: delete it.</li>
 *   <li>Wildcard hostnames ({@code *.example.com}) get no record, as in DockFlare: their ingress rule is written,
 *       the wildcard CNAME is the zone owner's to create.</li>
 * </ul>
 * Actions come sorted by name, then conflicts, deletes, updates, creates.
 */
public final class DnsPlan {

    private static final Comparator<DnsAction> ORDER = Comparator.comparing(DnsAction::name)
            .thenComparing(DnsPlan::rank);

    private DnsPlan() {
    }

    /** What a hostname's CNAME points at for a tunnel. */
    public static String target(String tunnelId) {
        return tunnelId.strip().toLowerCase(Locale.ROOT) + ".cfargotunnel.com";
    }

    public static List<DnsAction> plan(String zoneName, List<ExistingRecord> existing,
            Map<String, String> tunnelIdByHostname, OwnerMarker owner) {
        String zone = Zones.normalize(zoneName);
        Map<String, String> wanted = new TreeMap<>();
        tunnelIdByHostname.forEach((hostname, tunnelId) -> {
            String name = Zones.normalize(hostname);
            if (!name.startsWith("*.") && Zones.zoneFor(name, List.of(zone)).isPresent()) {
                wanted.put(name, target(tunnelId));
            }
        });
        Map<String, List<ExistingRecord>> recordsByName = new TreeMap<>();
        existing.forEach(record -> recordsByName
                .computeIfAbsent(Zones.normalize(record.name()), name -> new ArrayList<>()).add(record));

        List<DnsAction> actions = new ArrayList<>();
        wanted.forEach((name, target) -> actions.addAll(
                forWantedName(name, target, recordsByName.getOrDefault(name, List.of()), owner)));
        recordsByName.forEach((name, records) -> {
            if (!wanted.containsKey(name)) {
                records.stream().filter(record -> owner.marks(record.comment()))
                        .forEach(record -> actions.add(new Delete(record.id(), name)));
            }
        });
        actions.sort(ORDER);
        return List.copyOf(actions);
    }

    private static List<DnsAction> forWantedName(String name, String target, List<ExistingRecord> records,
            OwnerMarker owner) {
        if (records.isEmpty()) {
            return List.of(new Create(name, target));
        }
        List<ExistingRecord> others = records.stream().filter(record -> !owner.marks(record.comment())).toList();
        if (!others.isEmpty()) {
            ExistingRecord other = others.get(0);
            String whose = OwnerMarker.isHomeports(other.comment()) ? "another Homeport installation's"
                    : "not created by Homeport";
            return List.of(new Conflict(name, "a " + other.type() + " record for " + name + " (" + other.content()
                    + ") is " + whose + "; it is left as it is"));
        }
        List<DnsAction> actions = new ArrayList<>();
        ExistingRecord kept = records.stream().filter(record -> isCorrect(record, target)).findFirst()
                .orElse(records.get(0));
        if (!isCorrect(kept, target)) {
            actions.add(new Update(kept.id(), name, target));
        }
        records.stream().filter(record -> record != kept).forEach(record -> actions.add(new Delete(record.id(), name)));
        return actions;
    }

    private static int rank(DnsAction action) {
        if (action instanceof Conflict) {
            return 0;
        }
        if (action instanceof Delete) {
            return 1;
        }
        return action instanceof Update ? 2 : 3;
    }

    private static boolean isCorrect(ExistingRecord record, String target) {
        return "CNAME".equalsIgnoreCase(record.type()) && record.proxied()
                && Zones.normalize(record.content() == null ? "" : record.content()).equals(target);
    }
}
