/* oc3-window.c — the main window: the conference and its views in the
 * sidebar, the chosen view (and the talk and speaker pages opened from it) in
 * the content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "oc3-add-conference-dialog.h"
#include "oc3-application.h"
#include "oc3-bundled-programs.h"
#include "oc3-now-view.h"
#include "oc3-program-change.h"
#include "oc3-program-source.h"
#include "oc3-schedule.h"
#include "oc3-search-view.h"
#include "oc3-schedule-view.h"
#include "oc3-speaker-page.h"
#include "oc3-speakers-view.h"
#include "oc3-starred-view.h"
#include "oc3-talk-block.h"
#include "oc3-talk-page.h"
#include "oc3-talk-row.h"
#include "oc3-talk-format.h"
#include "oc3-time.h"
#include "oc3-track-page.h"
#include "oc3-tracks-view.h"
#include "oc3-window.h"

struct _Oc3Window
{
  AdwApplicationWindow parent_instance;

  GSettings     *settings;
  GCancellable  *cancellable;
  Oc3Conference *conference;
  char          *conference_id;
  Oc3Agenda     *agenda;
  GTimeZone     *display_zone;
  Oc3ProgramCache   *cache;
  Oc3ProgramFetcher *fetcher;
  Oc3ProgramSource  *source;
  GCancellable      *refresh_cancellable;
  guint              refresh_timeout_id;
  char          *pending_view;
  char          *pending_talk;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  AdwNavigationPage      *content_page;
  AdwNavigationView      *navigation_view;
  AdwNavigationPage      *view_page;
  GtkListBox             *views_list;
  GtkStack               *view_stack;
  AdwStatusPage          *error_status_page;
  Oc3ScheduleView        *schedule_view;
  Oc3StarredView         *starred_view;
  Oc3TracksView          *tracks_view;
  Oc3NowView             *now_view;
  Oc3SearchView          *search_view;
  Oc3SpeakersView        *speakers_view;
  AdwToastOverlay        *toast_overlay;
  GtkStack               *refresh_stack;
  AdwBanner              *offline_banner;
  char                   *last_message;
  GHashTable             *changed_guids;  /* talks the last refresh changed, not yet seen */
  GtkDropDown            *conference_dropdown;
  GtkStringList          *conference_names;
  guint                   outdated_views;  /* OutdatedView flags */
  guint                   present_timeout_id;
  GtkLabel               *conference_title_label;
  GtkLabel               *conference_details_label;
};

G_DEFINE_FINAL_TYPE (Oc3Window, oc3_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONFERENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

Oc3Window *
oc3_window_new (Oc3Application *application)
{
  return g_object_new (OC3_TYPE_WINDOW, "application", application, NULL);
}

Oc3Conference *
oc3_window_get_conference (Oc3Window *self)
{
  g_return_val_if_fail (OC3_IS_WINDOW (self), NULL);

  return self->conference;
}

Oc3ScheduleView *
oc3_window_get_schedule_view (Oc3Window *self)
{
  g_return_val_if_fail (OC3_IS_WINDOW (self), NULL);

  return self->schedule_view;
}

GTimeZone *
oc3_window_get_display_zone (Oc3Window *self)
{
  g_return_val_if_fail (OC3_IS_WINDOW (self), NULL);

  return self->display_zone;
}

static GtkListBoxRow *
find_view_row (Oc3Window  *self,
               const char *view_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->views_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), view_name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

/* The views not on screen get a new program (or time zone) when they are
 * first shown: start-up and a refresh pay only for the view in sight. */
typedef enum
{
  OUTDATED_TRACKS   = 1 << 0,
  OUTDATED_SPEAKERS = 1 << 1,
  OUTDATED_NOW      = 1 << 2,
  OUTDATED_SEARCH   = 1 << 3,
  OUTDATED_ALL      = (1 << 4) - 1,
} OutdatedView;

static void talk_activated_cb   (Oc3Window *self,
                                 Oc3Talk   *talk);
static void track_activated_cb  (Oc3Window *self,
                                 Oc3Track  *track);
static void person_activated_cb (Oc3Window *self,
                                 Oc3Person *person);

static GDateTime *
now_cb (gpointer user_data)
{
  return oc3_time_now ();
}

static OutdatedView
outdated_flag_for (const char *view_name)
{
  if (g_strcmp0 (view_name, "tracks") == 0)
    return OUTDATED_TRACKS;
  if (g_strcmp0 (view_name, "speakers") == 0)
    return OUTDATED_SPEAKERS;
  if (g_strcmp0 (view_name, "now") == 0)
    return OUTDATED_NOW;
  if (g_strcmp0 (view_name, "search") == 0)
    return OUTDATED_SEARCH;
  return 0;
}

/* Only the schedule is built with the window; the other views when first
 * wanted: start-up builds and styles what the first frame shows. */
static GtkWidget *
ensure_view (Oc3Window  *self,
             const char *view_name)
{
  GtkWidget *view = gtk_stack_get_child_by_name (self->view_stack, view_name);
  const char *title;

  if (view != NULL)
    return view;

  if (g_strcmp0 (view_name, "now") == 0)
    {
      self->now_view = OC3_NOW_VIEW (oc3_now_view_new ());
      oc3_now_view_set_now_func (self->now_view, now_cb, NULL, NULL);
      g_signal_connect_object (self->now_view, "talk-activated", G_CALLBACK (talk_activated_cb), self,
                               G_CONNECT_SWAPPED);
      view = GTK_WIDGET (self->now_view);
      title = _("Now and Next");
    }
  else if (g_strcmp0 (view_name, "search") == 0)
    {
      self->search_view = OC3_SEARCH_VIEW (oc3_search_view_new ());
      g_signal_connect_object (self->search_view, "talk-activated", G_CALLBACK (talk_activated_cb), self,
                               G_CONNECT_SWAPPED);
      view = GTK_WIDGET (self->search_view);
      title = _("Search");
    }
  else if (g_strcmp0 (view_name, "tracks") == 0)
    {
      self->tracks_view = OC3_TRACKS_VIEW (oc3_tracks_view_new ());
      g_signal_connect_object (self->tracks_view, "track-activated", G_CALLBACK (track_activated_cb), self,
                               G_CONNECT_SWAPPED);
      view = GTK_WIDGET (self->tracks_view);
      title = _("Tracks");
    }
  else if (g_strcmp0 (view_name, "speakers") == 0)
    {
      self->speakers_view = OC3_SPEAKERS_VIEW (oc3_speakers_view_new ());
      g_signal_connect_object (self->speakers_view, "person-activated", G_CALLBACK (person_activated_cb), self,
                               G_CONNECT_SWAPPED);
      view = GTK_WIDGET (self->speakers_view);
      title = _("Speakers");
    }
  else if (g_strcmp0 (view_name, "starred") == 0)
    {
      self->starred_view = g_object_new (OC3_TYPE_STARRED_VIEW, NULL);
      g_signal_connect_object (self->starred_view, "talk-activated", G_CALLBACK (talk_activated_cb), self,
                               G_CONNECT_SWAPPED);
      if (self->agenda != NULL)
        oc3_starred_view_set_agenda (self->starred_view, self->agenda, self->display_zone);
      view = GTK_WIDGET (self->starred_view);
      title = _("Starred");
    }
  else
    return NULL;

  gtk_stack_add_titled (self->view_stack, view, view_name, title);
  /* New, so without the program yet. */
  self->outdated_views |= outdated_flag_for (view_name);

  return view;
}

static void
update_view (Oc3Window  *self,
             const char *view_name)
{
  OutdatedView view = outdated_flag_for (view_name);

  if (view == 0 || (self->outdated_views & view) == 0 || self->conference == NULL ||
      gtk_stack_get_child_by_name (self->view_stack, view_name) == NULL)
    return;
  self->outdated_views &= ~view;

  switch (view)
    {
    case OUTDATED_TRACKS:
      oc3_tracks_view_set_conference (self->tracks_view, self->conference, self->display_zone);
      break;

    case OUTDATED_SPEAKERS:
      oc3_speakers_view_set_conference (self->speakers_view, self->conference, self->display_zone);
      break;

    case OUTDATED_NOW:
      oc3_now_view_set_conference (self->now_view, self->conference, self->display_zone);
      break;

    case OUTDATED_SEARCH:
      oc3_search_view_set_conference (self->search_view, self->conference, NULL, self->display_zone);
      break;

    case OUTDATED_ALL:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
release_split_view_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

/* When a collapsed split view changes page (from here, or the back button),
 * libadwaita 1.7 queues an idle that writes into the split view without
 * holding a reference to it. A window closed before that idle ran had freed
 * memory written to, and crashed later at random. So the split view is kept
 * alive until an idle queued after libadwaita's has run. */
static void
split_view_show_content_cb (AdwNavigationSplitView *split_view)
{
  if (adw_navigation_split_view_get_collapsed (split_view))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_split_view_cb, g_object_ref (split_view), g_object_unref);
}

void
oc3_window_show_view (Oc3Window  *self,
                      const char *view_name)
{
  GtkListBoxRow *row;
  GtkStackPage *page;

  g_return_if_fail (OC3_IS_WINDOW (self));

  /* Until the program is read, remember what to show. */
  if (self->conference == NULL)
    {
      g_free (self->pending_view);
      self->pending_view = g_strdup (view_name);
      return;
    }

  if (ensure_view (self, view_name) == NULL)
    {
      g_message ("No view called “%s”", view_name);
      return;
    }

  row = find_view_row (self, view_name);
  if (row != NULL)
    gtk_list_box_select_row (self->views_list, row);
  else
    gtk_list_box_unselect_all (self->views_list);

  update_view (self, view_name);
  gtk_stack_set_visible_child_name (self->view_stack, view_name);
  page = gtk_stack_get_page (self->view_stack, gtk_stack_get_visible_child (self->view_stack));
  adw_navigation_page_set_title (self->view_page, gtk_stack_page_get_title (page));
  adw_navigation_page_set_title (self->content_page, gtk_stack_page_get_title (page));
  adw_navigation_view_pop_to_page (self->navigation_view, self->view_page);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* A new window shows up with its program rather than with a spinner that
 * the program replaces a moment later: one first frame instead of two.
 * A program that takes longer gets the spinner after all. */
#define PRESENT_WAIT_MS 300

static void
present_now (Oc3Window *self)
{
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (self->view_stack, present_now, self);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  Oc3Window *self = user_data;

  self->present_timeout_id = 0;
  present_now (self);
  return G_SOURCE_REMOVE;
}

void
oc3_window_present_when_ready (Oc3Window *self)
{
  g_return_if_fail (OC3_IS_WINDOW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "loading") != 0 ||
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      present_now (self);
      return;
    }
  if (self->present_timeout_id != 0)
    return;

  /* Meanwhile the window gets its surface and renderer, while a worker
   * thread reads the program. */
  gtk_widget_realize (GTK_WIDGET (self));
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (present_now), self,
                           G_CONNECT_SWAPPED);
  self->present_timeout_id = g_timeout_add (PRESENT_WAIT_MS, present_timeout_cb, self);
}

/* The tag of the page shown in the content: "view", or a talk's GUID. */
const char *
oc3_window_get_visible_page_tag (Oc3Window *self)
{
  AdwNavigationPage *page;

  g_return_val_if_fail (OC3_IS_WINDOW (self), NULL);

  page = adw_navigation_view_get_visible_page (self->navigation_view);
  return page != NULL ? adw_navigation_page_get_tag (page) : NULL;
}

const char *
oc3_window_get_view (Oc3Window *self)
{
  g_return_val_if_fail (OC3_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

static gboolean
is_starred_cb (Oc3Talk  *talk,
               gpointer  user_data)
{
  Oc3Window *self = user_data;

  return self->agenda != NULL && oc3_agenda_is_starred (self->agenda, oc3_talk_get_guid (talk));
}

static void talk_activated_cb (Oc3Window *self,
                               Oc3Talk   *talk);

static void
person_activated_cb (Oc3Window *self,
                     Oc3Person *person)
{
  Oc3SpeakerPage *page = oc3_speaker_page_new (self->conference, person, self->display_zone);

  oc3_speaker_page_set_starred_func (page, is_starred_cb, self, NULL);
  g_signal_connect_object (page, "talk-activated", G_CALLBACK (talk_activated_cb), self, G_CONNECT_SWAPPED);
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
track_activated_cb (Oc3Window *self,
                    Oc3Track  *track)
{
  Oc3TrackPage *page = oc3_track_page_new (self->conference, track, self->display_zone);

  oc3_track_page_set_starred_func (page, is_starred_cb, self, NULL);
  g_signal_connect_object (page, "talk-activated", G_CALLBACK (talk_activated_cb), self, G_CONNECT_SWAPPED);
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));
}

/* The star, reminder and calendar controls of a talk page, and its notice of
 * overlapping starred talks, follow the agenda. */
static void
update_talk_page (Oc3Window   *self,
                  const char  *changed_guid,
                  Oc3TalkPage *page)
{
  Oc3Talk *talk = oc3_talk_page_get_talk (page);
  const char *guid = oc3_talk_get_guid (talk);
  GtkWidget *star_button = g_object_get_data (G_OBJECT (page), "star-button");
  GtkWidget *reminder_button = g_object_get_data (G_OBJECT (page), "reminder-button");
  gboolean starred = self->agenda != NULL && oc3_agenda_is_starred (self->agenda, guid);
  g_autofree char *notice = NULL;

  gtk_button_set_icon_name (GTK_BUTTON (star_button), starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (star_button, starred ? _("Unstar") : _("Star"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (star_button), GTK_ACCESSIBLE_STATE_PRESSED,
                               starred ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  gtk_widget_set_visible (reminder_button, starred);

  if (starred)
    {
      Oc3UserStore *store = oc3_agenda_get_store (self->agenda);
      g_autoptr (GPtrArray) conflicts = oc3_agenda_get_conflicts (self->agenda, talk);
      int lead = oc3_user_store_get_lead_minutes (store, guid);
      g_autofree char *reminder_text = NULL;

      if (!oc3_user_store_get_reminder_enabled (store, guid))
        reminder_text = g_strdup (_("No reminder"));
      else if (lead < 0)
        reminder_text = g_strdup (_("Reminder at the default time"));
      else if (lead == 0)
        reminder_text = g_strdup (_("Reminder when the talk starts"));
      else
        /* Translators: a talk's reminder time. */
        reminder_text = g_strdup_printf (_("Reminder %d min before"), lead);
      gtk_widget_set_tooltip_text (reminder_button, reminder_text);

      if (conflicts->len > 0)
        /* Translators: on a starred talk's page; %s is the title of another starred talk. */
        notice = g_strdup_printf (_("Overlaps with your starred talk “%s”"),
                                  oc3_talk_get_title (g_ptr_array_index (conflicts, 0)));
    }
  oc3_talk_page_set_notice (page, notice);
}

static void
agenda_changed_for_page_cb (Oc3TalkPage *page,
                            const char  *guid)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  /* Pages popped off the stack are not in a window: they update when shown again. */
  if (OC3_IS_WINDOW (root))
    update_talk_page (OC3_WINDOW (root), guid, page);
}

static GMenuModel *
new_reminder_menu (const char *guid)
{
  static const struct { const char *label; int minutes; } choices[] = {
    { N_("_Default Time"), -1 },
    { N_("When It _Starts"), 0 },
    { N_("_5 Minutes Before"), 5 },
    { N_("_10 Minutes Before"), 10 },
    { N_("_15 Minutes Before"), 15 },
    { N_("_30 Minutes Before"), 30 },
    { N_("_No Reminder"), -2 },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_(choices[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "win.set-reminder",
                                               g_variant_new ("(si)", guid, choices[i].minutes));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static AdwNavigationPage *
new_talk_page (Oc3Window *self,
               Oc3Talk   *talk)
{
  Oc3TalkPage *page = oc3_talk_page_new (self->conference, talk, self->display_zone);
  GtkBox *controls = oc3_talk_page_get_header_end_box (page);
  const char *guid = oc3_talk_get_guid (talk);
  g_autoptr (GMenuModel) reminder_menu = new_reminder_menu (guid);
  GtkWidget *star_button = gtk_button_new ();
  GtkWidget *reminder_button = gtk_menu_button_new ();
  GtkWidget *calendar_button = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");

  /* Seen: no longer marked as changed. */
  if (g_hash_table_remove (self->changed_guids, guid))
    oc3_timeline_update_changed (oc3_schedule_view_get_timeline (self->schedule_view), self->changed_guids);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (star_button), "win.toggle-star");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (reminder_button), "alarm-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (reminder_button), reminder_menu);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reminder_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reminder"), -1);
  gtk_widget_set_tooltip_text (calendar_button, _("Add to Calendar"));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (calendar_button), g_variant_new_string (guid));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (calendar_button), "win.add-to-calendar");
  gtk_box_append (controls, calendar_button);
  gtk_box_append (controls, reminder_button);
  gtk_box_append (controls, star_button);

  g_object_set_data (G_OBJECT (page), "star-button", star_button);
  g_object_set_data (G_OBJECT (page), "reminder-button", reminder_button);
  g_signal_connect_object (page, "person-activated", G_CALLBACK (person_activated_cb), self, G_CONNECT_SWAPPED);
  if (self->agenda != NULL)
    g_signal_connect_object (self->agenda, "changed", G_CALLBACK (agenda_changed_for_page_cb), page,
                             G_CONNECT_SWAPPED);
  update_talk_page (self, NULL, page);

  return ADW_NAVIGATION_PAGE (page);
}

void
oc3_window_show_talk (Oc3Window  *self,
                      const char *guid)
{
  Oc3Talk *talk;

  g_return_if_fail (OC3_IS_WINDOW (self));

  if (self->conference == NULL)
    {
      g_free (self->pending_talk);
      self->pending_talk = g_strdup (guid);
      return;
    }

  talk = oc3_conference_lookup_talk (self->conference, guid);
  if (talk == NULL)
    {
      g_message ("No talk with the GUID “%s”", guid);
      return;
    }

  adw_navigation_view_pop_to_page (self->navigation_view, self->view_page);
  adw_navigation_view_push (self->navigation_view, new_talk_page (self, talk));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
talk_activated_cb (Oc3Window *self,
                   Oc3Talk   *talk)
{
  oc3_window_show_talk (self, oc3_talk_get_guid (talk));
}

static void
view_row_activated_cb (Oc3Window     *self,
                       GtkListBoxRow *row)
{
  oc3_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
update_display_zone (Oc3Window *self)
{
  g_autofree char *mode = g_settings_get_string (self->settings, "time-zone-mode");

  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  if (g_strcmp0 (mode, "local") == 0 || self->conference == NULL)
    self->display_zone = g_time_zone_new_local ();
  else
    self->display_zone = g_time_zone_ref (oc3_conference_get_time_zone (self->conference));
}

static void
time_zone_mode_changed_cb (Oc3Window *self)
{
  GListModel *pages;

  update_display_zone (self);
  oc3_schedule_view_set_zone (self->schedule_view, self->display_zone);
  if (self->starred_view != NULL)
    oc3_starred_view_set_zone (self->starred_view, self->display_zone);
  if (self->now_view != NULL)
    oc3_now_view_set_zone (self->now_view, self->display_zone);
  if (self->search_view != NULL)
    oc3_search_view_set_zone (self->search_view, self->display_zone);
  /* The lists are rebuilt in the new zone: now if in sight, else when shown. */
  self->outdated_views |= OUTDATED_TRACKS | OUTDATED_SPEAKERS;
  update_view (self, oc3_window_get_view (self));

  /* Every time label follows, also on the pages already open. */
  pages = adw_navigation_view_get_navigation_stack (self->navigation_view);
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (pages, i);

      if (OC3_IS_TALK_PAGE (page))
        oc3_talk_page_set_display_zone (OC3_TALK_PAGE (page), self->display_zone);
      else if (OC3_IS_SPEAKER_PAGE (page))
        oc3_speaker_page_set_display_zone (OC3_SPEAKER_PAGE (page), self->display_zone);
      else if (OC3_IS_TRACK_PAGE (page))
        oc3_track_page_set_display_zone (OC3_TRACK_PAGE (page), self->display_zone);
    }
  g_object_unref (pages);
}

/* Under the title: the days, the venue and the time zone. */
static void
update_summary (Oc3Window *self)
{
  Oc3Conference *conference = self->conference;
  GListModel *days = oc3_conference_get_days (conference);
  guint n_days = g_list_model_get_n_items (days);
  GTimeZone *zone = oc3_conference_get_time_zone (conference);
  const char *venue = oc3_conference_get_venue (conference);
  g_autoptr (GString) details = g_string_new (NULL);

  gtk_label_set_text (self->conference_title_label, oc3_conference_get_title (conference));

  if (n_days > 0)
    {
      g_autoptr (Oc3Day) first = g_list_model_get_item (days, 0);
      g_autoptr (Oc3Day) last = g_list_model_get_item (days, n_days - 1);
      g_autofree char *first_text = oc3_time_format_day (oc3_day_get_date (first), zone);
      g_autofree char *zone_text = oc3_time_format_zone (zone, oc3_day_get_date (first));

      if (n_days == 1)
        g_string_append (details, first_text);
      else
        {
          g_autofree char *last_text = oc3_time_format_day (oc3_day_get_date (last), zone);

          /* Translators: the span of a conference, from its first to its last day. */
          g_string_printf (details, _("%s to %s"), first_text, last_text);
        }
      g_string_append_c (details, '\n');
      if (venue != NULL && *venue != '\0')
        g_string_append_printf (details, "%s\n", venue);
      g_string_append (details, zone_text);
    }

  /* A program fetched over plain http could have been changed on the way. */
  if (self->source != NULL && oc3_program_source_get_url (self->source) != NULL &&
      !oc3_program_fetcher_is_secure_url (oc3_program_source_get_url (self->source)))
    g_string_append_printf (details, "\n%s", _("Not secure: the program comes over plain http"));

  gtk_label_set_text (self->conference_details_label, details->str);
}

static void
agenda_changed_cb (Oc3Window  *self,
                   const char *guid)
{
  GListModel *pages = adw_navigation_view_get_navigation_stack (self->navigation_view);

  oc3_timeline_update_starred (oc3_schedule_view_get_timeline (self->schedule_view), self->agenda);
  oc3_timeline_update_changed (oc3_schedule_view_get_timeline (self->schedule_view), self->changed_guids);
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr (GObject) page = g_list_model_get_item (pages, i);

      if (OC3_IS_SPEAKER_PAGE (page))
        oc3_speaker_page_refresh_starred (OC3_SPEAKER_PAGE (page));
      else if (OC3_IS_TRACK_PAGE (page))
        oc3_track_page_refresh_starred (OC3_TRACK_PAGE (page));
    }
  g_object_unref (pages);
}

static void
day_shown_cb (Oc3Window *self)
{
  Oc3Timeline *timeline = oc3_schedule_view_get_timeline (self->schedule_view);

  oc3_timeline_update_starred (timeline, self->agenda);
  oc3_timeline_update_changed (timeline, self->changed_guids);
}

static void
connect_agenda (Oc3Window *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *recovery = NULL;

  if (self->agenda != NULL)
    g_signal_handlers_disconnect_by_func (self->agenda, agenda_changed_cb, self);
  g_clear_object (&self->agenda);
  if (app == NULL)
    return;

  self->agenda = g_object_ref (oc3_application_get_agenda (OC3_APPLICATION (app), self->conference,
                                                           self->conference_id));
  g_signal_connect_object (self->agenda, "changed", G_CALLBACK (agenda_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->starred_view != NULL)
    oc3_starred_view_set_agenda (self->starred_view, self->agenda, self->display_zone);
  agenda_changed_cb (self, NULL);

  /* Said once: the store moved an unreadable file aside and kept what it could. */
  recovery = oc3_user_store_take_recovery_message (oc3_agenda_get_store (self->agenda));
  if (recovery != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (recovery));
}

static void show_program (Oc3Window     *self,
                          Oc3Conference *conference);

/* A message for the user, in a toast; the last one is kept for tests. */
static void
show_message (Oc3Window  *self,
              const char *text)
{
  g_free (self->last_message);
  self->last_message = g_strdup (text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
oc3_window_clear_last_message (Oc3Window *self)
{
  g_return_if_fail (OC3_IS_WINDOW (self));

  g_clear_pointer (&self->last_message, g_free);
}

const char *
oc3_window_get_last_message (Oc3Window *self)
{
  g_return_val_if_fail (OC3_IS_WINDOW (self), NULL);

  return self->last_message;
}

/* "Offline — program as of 13 March, 09:12": shown while the network is
 * gone and the program has an address to be refreshed from. */
static void
update_offline_banner (Oc3Window *self)
{
  GDateTime *fetched_at = self->source != NULL ? oc3_program_source_get_fetched_at (self->source) : NULL;
  gboolean offline = self->source != NULL && oc3_program_source_get_url (self->source) != NULL &&
                     !oc3_program_fetcher_get_online (self->fetcher);
  g_autofree char *title = NULL;

  if (offline && fetched_at != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (fetched_at);
      /* Translators: a date and time, see strftime(3). */
      g_autofree char *when = g_date_time_format (local, _("%-d %B, %H:%M"));

      /* Translators: shown while offline; %s is when the program was last downloaded. */
      title = g_strdup_printf (_("Offline — program as of %s"), when);
    }
  else if (offline)
    title = g_strdup (_("Offline — the program shown is the one that came with the app"));

  adw_banner_set_title (self->offline_banner, title != NULL ? title : "");
  adw_banner_set_revealed (self->offline_banner, title != NULL);
}

static void
refreshing_changed_cb (Oc3Window *self)
{
  gboolean refreshing = self->source != NULL && oc3_program_source_get_refreshing (self->source);

  gtk_stack_set_visible_child_name (self->refresh_stack, refreshing ? "spinner" : "button");
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Oc3Window *self = user_data;
  gboolean starred_a = oc3_agenda_is_starred (self->agenda, oc3_program_change_get_guid ((gpointer) a));
  gboolean starred_b = oc3_agenda_is_starred (self->agenda, oc3_program_change_get_guid ((gpointer) b));

  return starred_b - starred_a;
}

static void
change_row_activated_cb (Oc3Window     *self,
                         GtkListBoxRow *row)
{
  const char *guid = g_object_get_data (G_OBJECT (row), "guid");

  if (guid != NULL && oc3_conference_lookup_talk (self->conference, guid) != NULL)
    adw_navigation_view_push (self->navigation_view,
                              new_talk_page (self, oc3_conference_lookup_talk (self->conference, guid)));
}

/* The "What changed" page: each change, the user's starred talks first. */
static void
show_changes (Oc3Window  *self,
              GListModel *changes)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  AdwNavigationPage *page;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (changes, i));
  if (self->agenda != NULL)
    g_ptr_array_sort_values_with_data (sorted, compare_changes, self);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  for (guint i = 0; i < sorted->len; i++)
    {
      Oc3ProgramChange *change = g_ptr_array_index (sorted, i);
      Oc3Talk *talk = oc3_program_change_get_new_talk (change);
      g_autofree char *description = oc3_program_change_describe (change, self->display_zone);
      GtkWidget *row = adw_action_row_new ();
      const char *guid = oc3_program_change_get_guid (change);

      if (talk == NULL)
        talk = oc3_program_change_get_old_talk (change);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), oc3_talk_get_title (talk));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      if (self->agenda != NULL && oc3_agenda_is_starred (self->agenda, guid))
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("starred-symbolic"));
      if (oc3_program_change_get_new_talk (change) != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      g_object_set_data_full (G_OBJECT (row), "guid", g_strdup (guid), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (change_row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), scrolled);
  page = adw_navigation_page_new (toolbar_view, _("What Changed"));
  adw_navigation_page_set_tag (page, "changes");
  adw_navigation_view_push (self->navigation_view, page);
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (Oc3Window) self = user_data;
  g_autoptr (Oc3Conference) new_program = NULL;
  g_autoptr (GListModel) changes = NULL;
  g_autoptr (GError) error = NULL;

  if (!oc3_program_source_refresh_finish (OC3_PROGRAM_SOURCE (source), result, &new_program, &changes, &error))
    {
      if (!g_error_matches (error, OC3_FETCH_ERROR, OC3_FETCH_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      update_offline_banner (self);
      return;
    }

  update_offline_banner (self);
  if (new_program == NULL || OC3_PROGRAM_SOURCE (source) != self->source)
    return;

  /* The stars stay (they are keyed by GUID); the agenda re-plans reminders
   * and says once which starred talks moved or were cancelled. */
  if (changes != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
      {
        g_autoptr (Oc3ProgramChange) change = g_list_model_get_item (changes, i);

        g_hash_table_add (self->changed_guids, g_strdup (oc3_program_change_get_guid (change)));
      }
  show_program (self, new_program);
  if (changes != NULL && g_list_model_get_n_items (changes) > 0)
    show_changes (self, changes);
}

static void
refresh (Oc3Window *self)
{
  if (self->source == NULL || oc3_program_source_get_url (self->source) == NULL ||
      oc3_program_source_get_refreshing (self->source))
    return;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();
  oc3_program_source_refresh_async (self->source, self->conference, self->refresh_cancellable,
                                    refreshed_cb, g_object_ref (self));
}

/* Every minute: refresh when the policy says so (hourly; every 15 minutes
 * during the conference; later after errors). */
static gboolean
refresh_tick_cb (gpointer user_data)
{
  Oc3Window *self = user_data;
  g_autoptr (GDateTime) now = oc3_time_now ();

  if (self->source != NULL && self->conference != NULL &&
      oc3_program_fetcher_get_online (self->fetcher) &&
      oc3_refresh_policy_is_due (oc3_program_source_get_policy (self->source), now))
    refresh (self);

  return G_SOURCE_CONTINUE;
}

static void
online_changed_cb (Oc3Window *self)
{
  update_offline_banner (self);
  /* Back online: catch up at once. */
  if (oc3_program_fetcher_get_online (self->fetcher))
    refresh_tick_cb (self);
}

static GTimeZone *lookup_added_zone (Oc3Window  *self,
                                     const char *conference_id);

static void
set_source (Oc3Window  *self,
            const char *conference_id,
            const char *url)
{
  g_autoptr (GTimeZone) zone = NULL;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, refreshing_changed_cb, self);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->source);

  if (conference_id == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->refresh_stack), FALSE);
      update_offline_banner (self);
      return;
    }

  self->source = oc3_program_source_new (conference_id, self->cache, self->fetcher);
  oc3_program_source_set_url (self->source, url);
  zone = lookup_added_zone (self, conference_id);
  oc3_program_source_set_default_zone (self->source, zone);
  g_signal_connect_object (self->source, "notify::refreshing", G_CALLBACK (refreshing_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_stack), url != NULL && *url != '\0');
  refreshing_changed_cb (self);
  update_offline_banner (self);
  if (self->conference != NULL)
    update_summary (self);
}

/* A copy of the a{ss} @map with @key set to @value, or without @key when
 * @value is %NULL. (GVariantDict would make an a{sv}, which the settings
 * keys of this shape refuse.) */
static GVariant *
string_map_with (GVariant   *map,
                 const char *key,
                 const char *value)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *map_key, *map_value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, map);
  while (g_variant_iter_next (&iter, "{&s&s}", &map_key, &map_value))
    if (g_strcmp0 (map_key, key) != 0)
      g_variant_builder_add (&builder, "{ss}", map_key, map_value);
  if (value != NULL)
    g_variant_builder_add (&builder, "{ss}", key, value);

  return g_variant_builder_end (&builder);
}

static char *
lookup_source_url (Oc3Window  *self,
                   const char *conference_id)
{
  g_autoptr (GVariant) sources = g_settings_get_value (self->settings, "program-sources");
  const char *url = NULL;

  if (g_variant_lookup (sources, conference_id, "&s", &url) && *url != '\0')
    return g_strdup (url);

  return NULL;
}

static void
source_dialog_response_cb (AdwAlertDialog *dialog,
                           const char     *response,
                           Oc3Window      *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GVariant) sources = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->conference_id == NULL)
    return;

  if (*url != '\0' && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Enter an address that starts with https://")));
      return;
    }

  sources = g_settings_get_value (self->settings, "program-sources");
  g_settings_set_value (self->settings, "program-sources",
                        string_map_with (sources, self->conference_id, *url != '\0' ? url : NULL));

  set_source (self, self->conference_id, url);
  refresh (self);
}

/* Where the program of the conference shown is refreshed from. */
static void
edit_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);
  AdwDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  if (self->source != NULL && oc3_program_source_get_url (self->source) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), oc3_program_source_get_url (self->source));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);

  dialog = adw_alert_dialog_new (_("Program Address"),
                                 _("The address of this conference's schedule.json, from pretalx, frab "
                                   "or the c3voc hub. Without one, the program is the one that came "
                                   "with the app."));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  g_signal_connect_object (dialog, "response", G_CALLBACK (source_dialog_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);

  if (self->source == NULL || oc3_program_source_get_url (self->source) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This program has no address to refresh from")));
      return;
    }
  refresh (self);
}

static void
begin_loading (Oc3Window *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->conference != NULL && self->pending_view == NULL)
    self->pending_view = g_strdup (oc3_window_get_view (self));
  g_clear_object (&self->conference);
  gtk_stack_set_visible_child_name (self->view_stack, "loading");
}

/* Shows a (new or refreshed) program in every view. A refresh keeps the
 * day and view the user is on. */
static void
show_program (Oc3Window     *self,
              Oc3Conference *conference)
{
  gboolean refreshed = self->conference != NULL;
  guint day = oc3_schedule_view_get_day (self->schedule_view);

  g_set_object (&self->conference, conference);
  update_display_zone (self);
  update_summary (self);
  oc3_schedule_view_set_conference (self->schedule_view, conference, self->display_zone);
  if (refreshed)
    oc3_schedule_view_show_day (self->schedule_view, day);
  self->outdated_views = OUTDATED_ALL;
  update_view (self, oc3_window_get_view (self));
  /* Marks the stars and changes on the blocks just built. */
  connect_agenda (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFERENCE]);
}

static void
program_ready (Oc3Window     *self,
               Oc3Conference *conference)
{
  g_autofree char *view = g_steal_pointer (&self->pending_view);
  g_autofree char *talk = g_steal_pointer (&self->pending_talk);

  show_program (self, conference);
  oc3_window_show_view (self, view != NULL ? view : "schedule");
  if (view == NULL)
    adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  oc3_schedule_view_show_now (self->schedule_view);
  if (talk != NULL)
    oc3_window_show_talk (self, talk);

  /* Shown at once from what is at hand; refreshed in the background. */
  update_offline_banner (self);
  refresh_tick_cb (self);
}

static void
program_read (Oc3Window     *self,
              Oc3Conference *conference,
              GError        *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (conference == NULL)
    {
      adw_status_page_set_description (self->error_status_page, error->message);
      gtk_stack_set_visible_child_name (self->view_stack, "error");
      return;
    }

  program_ready (self, conference);
}

static void
program_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (Oc3Window) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = oc3_schedule_parse_finish (result, &error);

  program_read (self, conference, error);
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (Oc3Window) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = oc3_schedule_load_finish (result, &error);

  program_read (self, conference, error);
}

/* Parsing happens in a worker thread: the window stays responsive (with a
 * spinner) even for programs of thousands of talks. */
static void
cached_program_loaded_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr (Oc3Window) self = user_data;
  g_autoptr (Oc3Conference) cached = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  int position;

  cached = oc3_program_source_load_cached_finish (OC3_PROGRAM_SOURCE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || OC3_PROGRAM_SOURCE (source) != self->source)
    return;
  if (cached != NULL)
    {
      program_ready (self, cached);
      return;
    }

  position = oc3_bundled_programs_find (self->conference_id);
  bytes = position >= 0 ? oc3_bundled_programs_load (position, &error) : NULL;
  if (bytes == NULL)
    {
      adw_status_page_set_description (self->error_status_page,
                                       error != NULL ? error->message : _("No program"));
      gtk_stack_set_visible_child_name (self->view_stack, "error");
      return;
    }
  oc3_schedule_parse_async (bytes, self->cancellable, program_loaded_cb, g_object_ref (self));
}

static void
load_bundled_program (Oc3Window *self,
                      guint      position)
{
  g_autofree char *url = NULL;

  begin_loading (self);

  g_settings_set_string (self->settings, "last-conference", oc3_bundled_programs_get_id (position));
  g_free (self->conference_id);
  self->conference_id = g_strdup (oc3_bundled_programs_get_id (position));
  url = lookup_source_url (self, self->conference_id);
  set_source (self, self->conference_id, url);

  /* A refreshed copy in the cache is newer than the one in the app. */
  oc3_program_source_load_cached_async (self->source, self->cancellable, cached_program_loaded_cb,
                                        g_object_ref (self));
}

/* --- conferences added by the user ---------------------------------------- */

/* Added conferences are (id, name, location) in GSettings, after the bundled
 * editions in the switcher. Each has its own stars, reminders and cache, by id. */
static GVariant *
get_added (Oc3Window *self)
{
  return g_settings_get_value (self->settings, "added-conferences");
}

/* The zone chosen when the conference was added, for programs whose times
 * carry no zone (FOSDEM's schedule.xml); %NULL (the local zone) for the
 * bundled editions and for conferences added before there was a choice. */
static GTimeZone *
lookup_added_zone (Oc3Window  *self,
                   const char *conference_id)
{
  g_autoptr (GVariant) zones = g_settings_get_value (self->settings, "added-conference-zones");
  const char *identifier = NULL;
  GTimeZone *zone;

  if (!g_variant_lookup (zones, conference_id, "&s", &identifier) || *identifier == '\0')
    return NULL;

  zone = g_time_zone_new_identifier (identifier);
  if (zone == NULL)
    g_message ("Unknown time zone “%s” for %s; using the local zone", identifier, conference_id);

  return zone;
}

static gboolean
is_web_address (const char *location)
{
  return g_str_has_prefix (location, "https://") || g_str_has_prefix (location, "http://");
}

static void
first_fetch_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (Oc3Window) self = user_data;
  g_autoptr (Oc3Conference) conference = NULL;
  g_autoptr (GError) error = NULL;

  if (OC3_PROGRAM_SOURCE (source) != self->source)
    return;
  if (oc3_program_source_refresh_finish (OC3_PROGRAM_SOURCE (source), result, &conference, NULL, &error) &&
      conference == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server sent no program"));
  program_read (self, conference, error);
}

static void
added_cached_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (Oc3Window) self = user_data;
  g_autoptr (Oc3Conference) cached = NULL;

  cached = oc3_program_source_load_cached_finish (OC3_PROGRAM_SOURCE (source), result, NULL);
  if (OC3_PROGRAM_SOURCE (source) != self->source)
    return;
  if (cached != NULL)
    program_ready (self, cached);
  else
    /* Never downloaded: the first download is the program. */
    oc3_program_source_refresh_async (self->source, NULL, self->cancellable, first_fetch_cb, g_object_ref (self));
}

static void
load_added (Oc3Window  *self,
            const char *id,
            const char *location)
{
  begin_loading (self);
  g_free (self->conference_id);
  self->conference_id = g_strdup (id);
  g_settings_set_string (self->settings, "last-conference", id);

  if (is_web_address (location))
    {
      set_source (self, id, location);
      oc3_program_source_load_cached_async (self->source, self->cancellable, added_cached_loaded_cb,
                                            g_object_ref (self));
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_uri (location);
      g_autoptr (GTimeZone) zone = lookup_added_zone (self, id);

      set_source (self, NULL, NULL);
      oc3_schedule_load_with_zone_async (file, zone, self->cancellable, file_loaded_cb, g_object_ref (self));
    }
}

/* What only an added conference has: removing it, and the zone it was added with. */
static void
set_added_shown (Oc3Window *self,
                 gboolean   added)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-conference", added);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-zone", added);
}

/* The added conference the switcher shows, as its id and location in
 * @added; %FALSE for a bundled edition. */
static gboolean
get_selected_added (Oc3Window   *self,
                    GVariant    *added,
                    const char **id,
                    const char **location)
{
  guint position = gtk_drop_down_get_selected (self->conference_dropdown);
  guint n_bundled = oc3_bundled_programs_get_n_items ();
  const char *name;

  if (position < n_bundled || position - n_bundled >= g_variant_n_children (added))
    return FALSE;
  g_variant_get_child (added, position - n_bundled, "(&s&s&s)", id, &name, location);
  return TRUE;
}

static void
conference_selected_cb (Oc3Window *self)
{
  guint position = gtk_drop_down_get_selected (self->conference_dropdown);
  guint n_bundled = oc3_bundled_programs_get_n_items ();
  g_autoptr (GVariant) added = get_added (self);
  const char *id, *location;

  if (position < n_bundled)
    load_bundled_program (self, position);
  else if (get_selected_added (self, added, &id, &location))
    load_added (self, id, location);
  set_added_shown (self, position >= n_bundled);
}

/* The switcher: the bundled editions, then the added conferences; selects @id. */
static void
fill_switcher (Oc3Window  *self,
               const char *id)
{
  g_autoptr (GVariant) added = get_added (self);
  guint n_bundled = oc3_bundled_programs_get_n_items ();
  guint selected = MAX (oc3_bundled_programs_find (id), 0);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  GVariantIter iter;
  const char *added_id, *name, *location;

  g_variant_iter_init (&iter, added);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &added_id, &name, &location))
    {
      if (g_strcmp0 (added_id, id) == 0)
        selected = n_bundled + names->len;
      g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);

  g_signal_handlers_block_by_func (self->conference_dropdown, conference_selected_cb, self);
  /* Replacing every item, the shown one too, crashed GTK 4.18 now and then
   * (in the drop-down's list items): the bundled editions stay, and one of
   * them is shown while the added ones are replaced. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->conference_names)) < n_bundled)
    for (guint i = 0; i < n_bundled; i++)
      gtk_string_list_append (self->conference_names, oc3_bundled_programs_get_name (i));
  gtk_drop_down_set_selected (self->conference_dropdown, 0);
  gtk_string_list_splice (self->conference_names, n_bundled,
                          g_list_model_get_n_items (G_LIST_MODEL (self->conference_names)) - n_bundled,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->conference_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->conference_dropdown, conference_selected_cb, self);
  set_added_shown (self, selected >= n_bundled);
}

/* Keeps the added conference @id in the settings, as (@name, @location) and
 * with its @zone, in place of what was kept for it; with @location %NULL it
 * forgets it. */
static void
store_added (Oc3Window  *self,
             const char *id,
             const char *name,
             const char *location,
             GTimeZone  *zone)
{
  g_autoptr (GVariant) added = get_added (self);
  g_autoptr (GVariant) zones = g_settings_get_value (self->settings, "added-conference-zones");
  GVariantBuilder builder;
  GVariantIter iter;
  const char *added_id, *added_name, *added_location;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sss)"));
  g_variant_iter_init (&iter, added);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &added_id, &added_name, &added_location))
    if (g_strcmp0 (added_id, id) != 0)
      g_variant_builder_add (&builder, "(sss)", added_id, added_name, added_location);
  if (location != NULL)
    g_variant_builder_add (&builder, "(sss)", id, name, location);
  g_settings_set_value (self->settings, "added-conferences", g_variant_builder_end (&builder));
  g_settings_set_value (self->settings, "added-conference-zones",
                        string_map_with (zones, id, location != NULL ? g_time_zone_get_identifier (zone) : NULL));
}

/* Adds a conference by its address or file (kept once), and shows it.
 * @zone (%NULL: the local zone) is the zone of times the program gives none
 * for; it is kept by name, so that the program reads the same after the
 * user travels to the conference, where the local zone is another. */
void
oc3_window_add_conference (Oc3Window  *self,
                           const char *location,
                           const char *name,
                           GTimeZone  *zone)
{
  g_autoptr (GTimeZone) local = NULL;
  g_autofree char *id = oc3_program_source_id_for_location (location);

  g_return_if_fail (OC3_IS_WINDOW (self));

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();
  store_added (self, id, name, location, zone);

  fill_switcher (self, id);
  load_added (self, id, location);
}

/* oc3 FILE: the program in that file, added to the switcher; times it gives
 * no zone for are in the local zone. */
void
oc3_window_open_file (Oc3Window *self,
                      GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_basename (file);

  g_return_if_fail (OC3_IS_WINDOW (self));

  if (g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https"))
    {
      g_autoptr (GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

      g_free (name);
      name = g_strdup (parsed != NULL && g_uri_get_host (parsed) != NULL ? g_uri_get_host (parsed) : uri);
    }
  oc3_window_add_conference (self, uri, name, NULL);
}

/* Deletes a directory of the user's data about one conference, files first. */
static void
delete_directory (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_unlink (child) != 0)
        g_message ("Could not delete %s: %s", child, g_strerror (errno));
    }
  g_rmdir (path);
}

/* Add Conference…: the dialog previews the program, read in the time zone
 * chosen there; the window adds it with that zone. With @location, for a
 * conference added before, filled in with it and its @zone. */
static void
present_add_conference_dialog (Oc3Window  *self,
                               const char *location,
                               GTimeZone  *zone)
{
  Oc3AddConferenceDialog *dialog = oc3_add_conference_dialog_new (self->cache, self->fetcher);

  if (location != NULL)
    oc3_add_conference_dialog_set_conference (dialog, location, zone);
  g_signal_connect_object (dialog, "add-conference", G_CALLBACK (oc3_window_add_conference), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
add_conference_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  present_add_conference_dialog (OC3_WINDOW (widget), NULL, NULL);
}

/* Conference Time Zone…: Add Conference… again for the conference shown,
 * with its address and zone filled in. */
static void
change_zone_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);
  g_autoptr (GVariant) added = get_added (self);
  g_autoptr (GTimeZone) zone = NULL;
  const char *id, *location;

  if (!get_selected_added (self, added, &id, &location))
    return;
  zone = lookup_added_zone (self, id);
  present_add_conference_dialog (self, location, zone);
}

static void
remove_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    Oc3Window      *self)
{
  g_autofree char *id = g_strdup (self->conference_id);
  g_autofree char *data_dir = NULL;
  g_autofree char *cache_dir = NULL;

  if (g_strcmp0 (response, "remove") != 0 || id == NULL || oc3_bundled_programs_find (id) >= 0)
    return;

  store_added (self, id, NULL, NULL, NULL);

  /* Only this conference's data: its stars and reminders, and its cached program. */
  data_dir = g_build_filename (g_get_user_data_dir (), "oc3", id, NULL);
  cache_dir = g_build_filename (g_get_user_cache_dir (), "oc3", id, NULL);
  fill_switcher (self, oc3_bundled_programs_get_id (0));
  load_bundled_program (self, 0);
  delete_directory (data_dir);
  delete_directory (cache_dir);
}

static void
remove_conference_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);
  AdwDialog *dialog;

  if (self->conference == NULL || oc3_bundled_programs_find (self->conference_id) >= 0)
    return;

  /* Translators: %s is a conference's title. */
  dialog = adw_alert_dialog_new (_("Remove Conference?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("“%s” and your starred talks and reminders for it will be removed."),
                                oc3_conference_get_title (self->conference));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
oc3_window_set_starred (Oc3Window  *self,
                        const char *guid,
                        gboolean    starred)
{
  Oc3Talk *talk;

  g_return_if_fail (OC3_IS_WINDOW (self));

  if (self->agenda == NULL)
    return;

  oc3_agenda_set_starred (self->agenda, guid, starred);

  talk = self->conference != NULL ? oc3_conference_lookup_talk (self->conference, guid) : NULL;
  if (!starred && talk != NULL)
    {
      /* Translators: a toast after unstarring a talk; %s is its title. */
      g_autofree char *text = g_strdup_printf (_("“%s” unstarred"), oc3_talk_get_title (talk));
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_use_markup (toast, FALSE);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.star");
      adw_toast_set_action_target_value (toast, g_variant_new_string (guid));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* The talk the keyboard is on: a focused block or row, else the talk page shown. */
static Oc3Talk *
find_current_talk (Oc3Window *self)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->navigation_view);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *tag;

  if (self->conference == NULL)
    return NULL;

  /* A list view focuses the row's list item, the parent of the talk row. */
  if (focus != NULL && OC3_IS_TALK_ROW (gtk_widget_get_first_child (focus)))
    return oc3_talk_row_get_talk (OC3_TALK_ROW (gtk_widget_get_first_child (focus)));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      if (OC3_IS_TALK_BLOCK (focus))
        return oc3_talk_block_get_talk (OC3_TALK_BLOCK (focus));
      if (OC3_IS_TALK_ROW (focus))
        return oc3_talk_row_get_talk (OC3_TALK_ROW (focus));
    }

  tag = page != NULL ? adw_navigation_page_get_tag (page) : NULL;
  return tag != NULL ? oc3_conference_lookup_talk (self->conference, tag) : NULL;
}

static void
toggle_star_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);
  Oc3Talk *talk = find_current_talk (self);

  if (talk != NULL && self->agenda != NULL)
    oc3_window_set_starred (self, oc3_talk_get_guid (talk),
                            !oc3_agenda_is_starred (self->agenda, oc3_talk_get_guid (talk)));
}

static void
toggle_star_talk_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);
  const char *guid = g_variant_get_string (parameter, NULL);

  if (self->agenda != NULL)
    oc3_window_set_starred (self, guid, !oc3_agenda_is_starred (self->agenda, guid));
}

static void
star_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  oc3_window_set_starred (OC3_WINDOW (widget), g_variant_get_string (parameter, NULL),
                          g_str_equal (action_name, "win.star"));
}

typedef struct
{
  Oc3Window *window;
  GBytes    *calendar;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->window);
  g_clear_pointer (&data->calendar, g_bytes_unref);
  g_free (data);
}

static void
calendar_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (Oc3Window) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    /* Translators: %s says why a calendar file could not be written. */
    text = g_strdup_printf (_("Could not save the calendar: %s"), error->message);
  else
    text = g_strdup (_("Calendar saved"));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
calendar_file_chosen_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file != NULL)
    g_file_replace_contents_bytes_async (file, data->calendar, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                         NULL, calendar_written_cb, g_object_ref (data->window));
  export_data_free (data);
}

/* Saves an iCalendar file through the file chooser (the document portal in
 * the Flatpak sandbox): of every starred talk, or of one. */
static void
export_calendar (Oc3Window  *self,
                 Oc3Talk    *talk)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;
  g_autofree char *calendar = NULL;
  ExportData *data;
  gsize length = 0;

  if (self->agenda == NULL)
    return;

  calendar = oc3_agenda_export_ical (self->agenda, talk, &length);
  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->calendar = g_bytes_new_take (g_steal_pointer (&calendar), length);

  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, talk != NULL ? _("Add to Calendar") : _("Export Starred Talks"));
  /* Translators: the file name of an exported calendar; %s is the conference or talk. */
  name = g_strdup_printf (_("%s.ics"), talk != NULL ? oc3_talk_get_title (talk)
                                                    : oc3_conference_get_title (self->conference));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, calendar_file_chosen_cb, data);
}

static void
export_starred_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  export_calendar (OC3_WINDOW (widget), NULL);
}

static void
add_to_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);
  Oc3Talk *talk = self->conference != NULL
                  ? oc3_conference_lookup_talk (self->conference, g_variant_get_string (parameter, NULL))
                  : NULL;

  if (talk != NULL)
    export_calendar (self, talk);
}

/* (guid, minutes): minutes before the talk, -1 for the default, -2 for none. */
static void
set_reminder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);
  Oc3UserStore *store;
  const char *guid;
  int minutes;

  if (self->agenda == NULL)
    return;

  g_variant_get (parameter, "(&si)", &guid, &minutes);
  store = oc3_agenda_get_store (self->agenda);
  oc3_user_store_set_reminder_enabled (store, guid, minutes != -2);
  if (minutes != -2)
    oc3_user_store_set_lead_minutes (store, guid, minutes);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  Oc3Window *self = OC3_WINDOW (widget);

  ensure_view (self, "search");
  oc3_window_show_view (self, "search");
  gtk_widget_grab_focus (GTK_WIDGET (oc3_search_view_get_search_entry (self->search_view)));
}

/* GNOME Shell's "search in the app": the search view with the query. */
void
oc3_window_search (Oc3Window  *self,
                   const char *query)
{
  g_return_if_fail (OC3_IS_WINDOW (self));

  ensure_view (self, "search");
  oc3_window_show_view (self, "search");
  oc3_search_view_search (self->search_view, query);
}

static void
oc3_window_constructed (GObject *object)
{
  Oc3Window *self = OC3_WINDOW (object);
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (oc3_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::time-zone-mode",
                           G_CALLBACK (time_zone_mode_changed_cb), self, G_CONNECT_SWAPPED);

  last = g_settings_get_string (self->settings, "last-conference");
  g_signal_connect_object (self->conference_dropdown, "notify::selected",
                           G_CALLBACK (conference_selected_cb), self, G_CONNECT_SWAPPED);
  fill_switcher (self, last);
  conference_selected_cb (self);
}

static void
oc3_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  Oc3Window *self = OC3_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      g_value_set_object (value, self->conference);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_window_dispose (GObject *object)
{
  Oc3Window *self = OC3_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_handle_id (&self->refresh_timeout_id, g_source_remove);
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_WINDOW);
  /* Gone with the view stack. */
  self->now_view = NULL;
  self->search_view = NULL;
  self->tracks_view = NULL;
  self->speakers_view = NULL;
  self->starred_view = NULL;

  G_OBJECT_CLASS (oc3_window_parent_class)->dispose (object);
}

static void
oc3_window_finalize (GObject *object)
{
  Oc3Window *self = OC3_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->conference);
  g_clear_object (&self->agenda);
  g_clear_pointer (&self->conference_id, g_free);
  g_clear_object (&self->source);
  g_clear_object (&self->cache);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->refresh_cancellable);
  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  g_clear_pointer (&self->pending_view, g_free);
  g_clear_pointer (&self->last_message, g_free);
  if (oc3_talk_row_get_changed_talks () == self->changed_guids)
    oc3_talk_row_set_changed_talks (NULL);
  g_clear_pointer (&self->changed_guids, g_hash_table_unref);
  g_clear_pointer (&self->pending_talk, g_free);

  G_OBJECT_CLASS (oc3_window_parent_class)->finalize (object);
}

static void
oc3_window_class_init (Oc3WindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = oc3_window_constructed;
  object_class->get_property = oc3_window_get_property;
  object_class->dispose = oc3_window_dispose;
  object_class->finalize = oc3_window_finalize;

  properties[PROP_CONFERENCE] =
    g_param_spec_object ("conference", NULL, NULL, OC3_TYPE_CONFERENCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OC3_TYPE_SCHEDULE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-window.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, split_view);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, content_page);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, view_page);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, views_list);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, view_stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, conference_dropdown);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, conference_names);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, conference_title_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3Window, conference_details_label);
  gtk_widget_class_bind_template_callback (widget_class, view_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, talk_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.add-conference", NULL, add_conference_action);
  gtk_widget_class_install_action (widget_class, "win.remove-conference", NULL, remove_conference_action);
  gtk_widget_class_install_action (widget_class, "win.change-zone", NULL, change_zone_action);
  gtk_widget_class_install_action (widget_class, "win.edit-source", NULL, edit_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-star", NULL, toggle_star_action);
  gtk_widget_class_install_action (widget_class, "win.star", "s", star_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-star-talk", "s", toggle_star_talk_action);
  gtk_widget_class_install_action (widget_class, "win.unstar", "s", star_action);
  gtk_widget_class_install_action (widget_class, "win.export-starred", NULL, export_starred_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-calendar", "s", add_to_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.set-reminder", "(si)", set_reminder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.toggle-star", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
oc3_window_init (Oc3Window *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->display_zone = g_time_zone_new_local ();
  self->changed_guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_object (self->schedule_view, "day-shown", G_CALLBACK (day_shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->split_view, "notify::show-content", G_CALLBACK (split_view_show_content_cb), NULL);
  oc3_talk_row_set_changed_talks (self->changed_guids);

  self->cache = oc3_program_cache_new (NULL);
  self->fetcher = oc3_program_fetcher_new ();
  g_signal_connect_object (self->fetcher, "notify::online", G_CALLBACK (online_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->refresh_timeout_id = g_timeout_add_seconds (60, refresh_tick_cb, self);
}
