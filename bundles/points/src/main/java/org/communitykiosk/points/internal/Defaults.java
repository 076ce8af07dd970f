package org.communitykiosk.points.internal;

import java.lang.reflect.Proxy;

/** An annotation-type configuration with every attribute at its default, as DS gives it without a .cfg file. */
final class Defaults {

    private Defaults() {
    }

    static <A> A of(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    Object value = method.getDefaultValue();
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                }));
    }
}
