package org.communitykiosk.bulletin.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.communitykiosk.api.plugin.Audience;
import org.communitykiosk.api.plugin.KioskPlugin;
import org.communitykiosk.api.plugin.PluginView;
import org.communitykiosk.api.plugin.ViewContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The community bulletin (公告栏): staff post notices, anyone at the kiosk reads them.
 * <p>
 * Views, below {@code /bulletin}:
 * <ul>
 * <li>{@code ""} (public): the board of current notices</li>
 * <li>{@code notice/<id>} (public): one notice, full screen</li>
 * <li>{@code manage} (staff): every notice, with edit and publish/unpublish</li>
 * <li>{@code edit} (staff): a new notice; {@code edit/<id>}: edit that notice</li>
 * </ul>
 * Element ids, kept stable for browser tests:
 * <ul>
 * <li>board: {@code bulletin-board}; each notice card {@code notice-<id>}; staff link to manage
 * {@code bulletin-manage-link} (home is the shell's {@code home-button})</li>
 * <li>notice: {@code notice-title}, {@code notice-body}; back to the board {@code notice-back}</li>
 * <li>manage: {@code bulletin-manage}; {@code notice-new}; per notice {@code notice-row-<id>},
 * {@code notice-edit-<id>}, {@code notice-toggle-<id>}; back to the board {@code manage-back}</li>
 * <li>form: {@code notice-form}; fields {@code notice-form-title}, {@code notice-form-body},
 * {@code notice-form-expires}, {@code notice-form-pinned}; {@code notice-save}, {@code notice-cancel}; a message
 * not about one field {@code notice-form-error}</li>
 * <li>a notice that cannot be shown: {@code notice-missing}</li>
 * </ul>
 */
@Component(service = KioskPlugin.class, property = KioskPlugin.PLUGIN_ID + "=" + BulletinPlugin.ID)
public final class BulletinPlugin implements KioskPlugin {

    static final String ID = "bulletin";

    static final String BOARD = "";
    static final String NOTICE = "notice";
    static final String MANAGE = "manage";
    static final String EDIT = "edit";

    private final List<PluginView> views;

    @Activate
    public BulletinPlugin(@Reference(name = "board") NoticeBoard board, @Reference(name = "clock") Clock clock) {
        this.views = List.of(
                new PluginView(BOARD, Audience.PUBLIC, context -> new BoardView(context, board, today(clock, context))),
                new PluginView(NOTICE, Audience.PUBLIC,
                        context -> new NoticeView(context, board, today(clock, context))),
                new PluginView(MANAGE, Audience.STAFF,
                        context -> new ManageView(context, board, today(clock, context))),
                new PluginView(EDIT, Audience.STAFF, context -> new NoticeForm(context, board, today(clock, context))));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "bulletin.title";
    }

    @Override
    public String descriptionKey() {
        return "bulletin.description";
    }

    @Override
    public String icon() {
        return "vaadin:newspaper";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Audience audience() {
        return Audience.PUBLIC;
    }

    @Override
    public List<PluginView> views() {
        return views;
    }

    /** Today in the community's time zone, when the screen is built. */
    private static LocalDate today(Clock clock, ViewContext context) {
        return LocalDate.now(clock.withZone(context.zone()));
    }
}
