package io.homeport.gateway.audit;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route template of a resource method, e.g. {@code /api/v1/hosts/{id}}, from its {@code @Path}s: on the class
 * or the {@code api} interface it implements, and on the method or the interface method it overrides.
 */
final class RouteTemplates {

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    static String of(Class<?> resource, Method method) {
        return TEMPLATES.computeIfAbsent(method, m -> template(resource, m));
    }

    private static String template(Class<?> resource, Method method) {
        String path = "/" + pathOf(resource) + "/" + pathOf(resource, method);
        // "{id: [0-9]+}" is "{id}" to a reader; doubled and trailing slashes are noise
        path = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String pathOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return c.getAnnotation(Path.class).value();
            }
            for (Class<?> api : c.getInterfaces()) {
                if (api.isAnnotationPresent(Path.class)) {
                    return api.getAnnotation(Path.class).value();
                }
            }
        }
        return "";
    }

    private static String pathOf(Class<?> type, Method method) {
        if (method.isAnnotationPresent(Path.class)) {
            return method.getAnnotation(Path.class).value();
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> api : c.getInterfaces()) {
                try {
                    Path path = api.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(Path.class);
                    if (path != null) {
                        return path.value();
                    }
                } catch (NoSuchMethodException notThere) {
                    // the method is not this interface's: try the next one
                }
            }
        }
        return "";
    }

    private RouteTemplates() {
    }
}
