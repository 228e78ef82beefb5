package org.shahid.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Shahid package imports which, as the JDK's {@code jdeps} reads it from compiled classes (names without the
 * {@code org.shahid.} prefix), and the questions the house rules ask of it. Immutable.
 */
record PackageImports(Map<String, Set<String>> imports) {

    private static final Pattern EDGE = Pattern.compile("^\\s+org\\.shahid\\.(\\S+)\\s+->\\s+org\\.shahid\\.(\\S+)\\s");

    static PackageImports of(Map<String, Set<String>> imports) {
        Map<String, Set<String>> copy = new TreeMap<>();
        imports.forEach((from, to) -> copy.put(from, new TreeSet<>(to)));
        return new PackageImports(copy);
    }

    /** Runs {@code jdeps -verbose:package} over a folder of classes. */
    static PackageImports readFrom(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", "-e", "org\\.shahid\\..*", classes.toString());
        if (exit != 0) {
            throw new IllegalStateException("jdeps failed: " + out);
        }
        Map<String, Set<String>> imports = new TreeMap<>();
        for (String line : out.toString().lines().toList()) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                imports.computeIfAbsent(edge.group(1), from -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return of(imports);
    }

    Set<String> importsOf(String pkg) {
        return imports.getOrDefault(pkg, Set.of());
    }

    /** The packages that import {@code pkg}. */
    Set<String> importersOf(String pkg) {
        Set<String> importers = new TreeSet<>();
        imports.forEach((from, to) -> {
            if (to.contains(pkg)) {
                importers.add(from);
            }
        });
        return importers;
    }

    /** A path of imports that leads from a package back to itself, e.g. [a, b, a], if there is one. */
    Optional<List<String>> cycle() {
        for (String start : imports.keySet()) {
            Optional<List<String>> back = pathBetween(start, start);
            if (back.isPresent()) {
                return back;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> pathBetween(String from, String to) {
        Map<String, String> reachedFrom = new TreeMap<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(from));
        while (!frontier.isEmpty()) {
            String current = frontier.poll();
            for (String next : importsOf(current)) {
                if (next.equals(to)) {
                    List<String> path = new ArrayList<>(List.of(to));
                    for (String step = current; !step.equals(from); step = reachedFrom.get(step)) {
                        path.add(0, step);
                    }
                    path.add(0, from);
                    return Optional.of(path);
                }
                if (reachedFrom.putIfAbsent(next, current) == null) {
                    frontier.add(next);
                }
            }
        }
        return Optional.empty();
    }
}
