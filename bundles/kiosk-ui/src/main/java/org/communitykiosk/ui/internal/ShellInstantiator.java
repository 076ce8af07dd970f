package org.communitykiosk.ui.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;

/**
 * Builds the shell's own views and layouts with constructor injection: a class with a constructor taking
 * {@link Shell} gets the shell's services; anything else is built the default way.
 */
final class ShellInstantiator extends DefaultInstantiator {

    private static final long serialVersionUID = 1L;

    private final transient Shell shell;

    ShellInstantiator(VaadinService service, Shell shell) {
        super(service);
        this.shell = shell;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        Constructor<T> withShell;
        try {
            withShell = type.getDeclaredConstructor(Shell.class);
        } catch (NoSuchMethodException e) {
            return super.getOrCreate(type);
        }
        try {
            withShell.setAccessible(true);
            return withShell.newInstance(shell);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }
}
