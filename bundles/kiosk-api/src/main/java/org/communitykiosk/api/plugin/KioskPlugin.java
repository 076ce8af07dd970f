package org.communitykiosk.api.plugin;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's contribution to the kiosk shell: one tile on the home screen and the views behind it.
 * <p>
 * Register it as an OSGi service with the property {@value #PLUGIN_ID} set to {@link #id()} (the shell shows an error
 * card for a registered plugin whose component fails to activate, and needs the id to name it). Make the component
 * delayed (the DS default), not immediate, so that the service is registered before activation is attempted.
 * <p>
 * The shell tracks these services dynamically: a plugin installed while the kiosk runs shows its tile on the next
 * visit to the home screen; an uninstalled plugin's tile and views disappear.
 * <p>
 * Translations: the shell looks up {@link #titleKey()} and every key a view asks for in the plugin bundle's
 * {@code i18n/messages_zh_CN.properties} and {@code i18n/messages_en.properties}, then in the platform's.
 */
@ConsumerType
public interface KioskPlugin {

    /** Service property carrying the plugin id. */
    String PLUGIN_ID = "kiosk.plugin.id";

    /** Stable id, also the first path segment of the plugin's views: {@code http://kiosk/<id>/...}. */
    String id();

    /** Translation key of the tile title. */
    String titleKey();

    /** Translation key of a one-line description shown under the title. */
    default String descriptionKey() {
        return null;
    }

    /** Vaadin icon name, for example {@code "vaadin:newspaper"}. */
    String icon();

    /** Default position among tiles (lower first) unless the kiosk settings order them. */
    default int order() {
        return 100;
    }

    /** Who sees the tile. Each view declares its own audience too. */
    Audience audience();

    /** The views; the one with the empty path is opened by the tile. */
    List<PluginView> views();
}
