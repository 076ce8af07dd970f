package org.communitykiosk.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

import com.vaadin.flow.component.Component;

/**
 * Builds a plugin screen. The plugin's DS component creates the factory and closes over the services the screen needs;
 * that is the explicit hand-over of services to views (views are not DS components, and nothing is looked up
 * statically).
 */
@ConsumerType
@FunctionalInterface
public interface ViewFactory {

    Component create(ViewContext context) throws Exception;
}
