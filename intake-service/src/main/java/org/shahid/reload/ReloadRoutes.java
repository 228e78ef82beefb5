package org.shahid.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies edited route files to the running service on an admin's request (SIGHUP): first loads them all into a
 * Camel context that starts nothing, with every placeholder resolved; a broken set is refused with one log line
 * and the running routes stay. A good set replaces the routes of changed files (a new file adds its routes):
 * each replaced consumer finishes the mail in hand before it stops (Camel's graceful stop), then the new one
 * starts; routes whose files are unchanged keep polling. Route templates and error handling apply at restart. Unlike
 * Camel's file-watching reload (a development feature), nothing happens between requests.
 * Thread-safe: reloads are serialised.
 */
public final class ReloadRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadRoutes.class);

    private final CamelContext camel;
    private final Path routesFolder;
    private final Function<Path, Main> throwawayCamel;
    private final Map<String, String> fingerprints = new java.util.HashMap<>();

    /**
     * @param throwawayCamel makes a Camel Main for the routes folder with the service's settings and beans (not
     *                       started)
     */
    public ReloadRoutes(CamelContext camel, Path routesFolder, Function<Path, Main> throwawayCamel) {
        this.camel = camel;
        this.routesFolder = routesFolder;
        this.throwawayCamel = throwawayCamel;
        routeFiles().forEach(file -> fingerprints.put(file.toString(), WatchedFile.fingerprintOf(file)));
    }

    /** Checks the route files, then replaces the routes of the changed ones; returns whether it applied them. */
    public synchronized boolean reload() {
        List<Path> files = routeFiles();
        String problem = problemLoading();
        if (problem != null) {
            LOG.warn("Route reload refused, the running routes stay: {}", problem);
            return false;
        }
        List<Path> changed = files.stream()
                .filter(file -> !WatchedFile.fingerprintOf(file).equals(fingerprints.get(file.toString())))
                .toList();
        // Route templates and route configurations shape the routes of other files: Camel cannot swap them under
        // running routes, so they take effect at the next (rolling) restart.
        List<Path> deferred = changed.stream().filter(ReloadRoutes::shapesOtherRoutes).toList();
        if (!deferred.isEmpty()) {
            LOG.warn("Route reload: {} hold route templates or error handling and take effect at the next restart",
                    deferred.stream().map(file -> file.getFileName().toString()).toList());
            deferred.forEach(file -> fingerprints.put(file.toString(), WatchedFile.fingerprintOf(file)));
        }
        List<Path> applied = changed.stream().filter(file -> !deferred.contains(file)).toList();
        if (applied.isEmpty()) {
            LOG.info("Route reload: no route file to apply");
            return true;
        }
        try {
            List<String> replaced = new java.util.ArrayList<>();
            for (Path file : applied) {
                for (org.apache.camel.Route route : List.copyOf(camel.getRoutes())) {
                    Resource source = route.getSourceResource();
                    if (source != null && sameFile(source, file)) {
                        // graceful: the consumer finishes the mail in hand before it stops
                        camel.getRouteController().stopRoute(route.getRouteId());
                        camel.removeRoute(route.getRouteId());
                        replaced.add(route.getRouteId());
                    }
                }
            }
            Resource[] resources = applied.stream()
                    .map(file -> ResourceHelper.resolveResource(camel, "file:" + file.toAbsolutePath()))
                    .toArray(Resource[]::new);
            PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
            applied.forEach(file -> fingerprints.put(file.toString(), WatchedFile.fingerprintOf(file)));
            LOG.info("Route reload: {} applied (routes stopped and replaced: {}); {} routes running",
                    applied.stream().map(file -> file.getFileName().toString()).toList(), replaced,
                    camel.getRoutes().size());
            return true;
        } catch (Exception e) {
            LOG.warn("Route reload failed while applying: {}", e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    private static boolean sameFile(Resource source, Path file) {
        String location = source.getLocation().replaceFirst("^file:", "");
        return Path.of(location).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
    }

    /** Loads every route file into a context that starts nothing; null when they load, else the problem. */
    private String problemLoading() {
        Main check = throwawayCamel.apply(routesFolder);
        check.configure().withAutoStartup(false);
        try {
            check.start();
            if (check.getCamelContext().getRoutes().isEmpty()) {
                return "no routes found in " + routesFolder;
            }
            return null;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            return String.join("; ", message.strip().lines().map(String::strip).toList());
        } finally {
            check.stop();
        }
    }

    private static boolean shapesOtherRoutes(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("routeTemplate:") || text.contains("routeConfiguration:");
        } catch (IOException e) {
            return true;
        }
    }

    private List<Path> routeFiles() {
        try (Stream<Path> list = Files.list(routesFolder)) {
            return list.filter(file -> file.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
