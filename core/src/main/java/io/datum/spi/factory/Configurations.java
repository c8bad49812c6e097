package io.datum.spi.factory;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component property type (the annotation a DS component's constructor takes, usually its
 * {@code @ObjectClassDefinition}) over a plain map, as the component runtime makes it from a
 * configuration: a method reads the property named after it ({@code max_depth} reads
 * {@code max.depth}, {@code __} stands for {@code _}, {@code $$} for {@code $}, {@code $_$} for
 * {@code -}), converted to the method's type, or its default when the map lacks it. A value that
 * cannot be converted is an {@link IllegalArgumentException} naming the key.
 */
public final class Configurations {
    private Configurations() {
    }

    /** {@code type} reading {@code values}. */
    public static <A> A of(Class<A> type, Map<String, ?> values) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an annotation or interface type");
        }
        Map<String, ?> copy = Map.copyOf(values);
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return type.getSimpleName() + copy;
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(self);
                    }
                    break;
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return self == args[0];
                    }
                    break;
                case "annotationType":
                    if (method.getParameterCount() == 0) {
                        return type;
                    }
                    break;
                default:
                    break;
            }
            return value(method, copy);
        });
        return type.cast(proxy);
    }

    /** The property name DS reads for a method of a component property type. */
    public static String propertyName(String methodName) {
        StringBuilder sb = new StringBuilder(methodName.length());
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (c == '_') {
                if (i + 1 < methodName.length() && methodName.charAt(i + 1) == '_') {
                    sb.append('_');
                    i++;
                } else {
                    sb.append('.');
                }
            } else if (c == '$') {
                if (methodName.startsWith("$_$", i)) {
                    sb.append('-');
                    i += 2;
                } else if (i + 1 < methodName.length() && methodName.charAt(i + 1) == '$') {
                    sb.append('$');
                    i++;
                }
                // a lone '$' stands for nothing
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Object value(Method method, Map<String, ?> values) {
        String key = propertyName(method.getName());
        Object raw = values.get(key);
        if (raw == null) {
            Object fallback = method.getDefaultValue();
            if (fallback == null) {
                throw new IllegalArgumentException("configuration: '" + key + "' is required");
            }
            return fallback;
        }
        Class<?> type = method.getReturnType();
        try {
            return convert(raw, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration: '" + key + "' is not " + describe(type) + ": " + raw, e);
        }
    }

    private static Object convert(Object raw, Class<?> type) {
        if (type == String.class) {
            return raw.toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            if (raw instanceof Boolean b) {
                return b;
            }
            String s = raw.toString().trim();
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(s);
            }
            throw new IllegalArgumentException(s);
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(raw.toString().trim())) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(raw.toString());
        }
        if (type == int.class || type == Integer.class) {
            long v = integral(raw);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("out of range");
            }
            return (int) v;
        }
        if (type == long.class || type == Long.class) {
            return integral(raw);
        }
        if (type == double.class || type == Double.class) {
            return raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
        }
        throw new IllegalArgumentException("unsupported type " + type.getName());
    }

    private static long integral(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        return Long.parseLong(raw.toString().trim());
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type == double.class || type == Double.class ? "a number" : "a " + type.getSimpleName();
    }
}
