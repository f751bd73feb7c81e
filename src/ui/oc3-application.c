/* oc3-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-agenda.h"
#include "oc3-application.h"
#include "oc3-background.h"
#include "oc3-bundled-programs.h"
#include "oc3-schedule.h"
#include "oc3-search-provider.h"
#include "oc3-check.h"
#include "oc3-preferences-dialog.h"
#include "oc3-resources.h"
#include "oc3-screenshot.h"
#include "oc3-window.h"

struct _Oc3Application
{
  AdwApplication parent_instance;

  /* Development options (build-aux/dev run): what to show, and where to save
   * a screenshot of it before quitting. */
  char *screenshot_path;
  char *initial_view;
  char *initial_talk;
  int   window_width;
  int   window_height;

  int   exit_status;
  gboolean quit_after_first_frame;

  /* The user's agenda of the conference shown: it lives here, not in the
   * window, so that reminders still arrive when the window is closed. */
  GSettings *settings;
  Oc3Clock  *clock;
  Oc3Agenda *agenda;
  char      *agenda_conference_id;
  gboolean   holding;

  /* Talks in GNOME Shell's search, from the same program. */
  Oc3SearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (Oc3Application, oc3_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Check a conference program (a schedule.json file or URL), print a summary and its problems, and exit"),
    N_("FILE|URL") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --check: print the summary as JSON"), NULL },
  /* Development options, used by build-aux/dev run for screenshots. */
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open this view: schedule, tracks, speakers, starred or search"), N_("VIEW") },
  { "talk", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the page of the talk with this GUID"), N_("GUID") },
  { "window-width", 0, 0, G_OPTION_ARG_INT, NULL, N_("Open the window this wide"), N_("PIXELS") },
  { "window-height", 0, 0, G_OPTION_ARG_INT, NULL, N_("Open the window this high"), N_("PIXELS") },
  { "color-scheme", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Force the light or dark style"), N_("light|dark") },
  { "quit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Quit once the window has shown the program (for start-up benchmarks)"), NULL },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save a PNG screenshot of the window to FILE, then quit"), N_("FILE") },
  { NULL }
};

Oc3Application *
oc3_application_new (void)
{
  return g_object_new (OC3_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/com/example/OC3",
                       NULL);
}

/* Non-zero when something the user asked for on the command line failed
 * (for example, saving a screenshot). */
int
oc3_application_get_exit_status (Oc3Application *self)
{
  g_return_val_if_fail (OC3_IS_APPLICATION (self), 1);

  return self->exit_status;
}

/* While a reminder is still to come, closing the window does not quit. */
static void
update_hold (Oc3Application *self)
{
  gboolean pending = self->agenda != NULL &&
                     oc3_reminder_scheduler_get_has_pending (oc3_agenda_get_scheduler (self->agenda));
  gboolean should_hold = pending && g_settings_get_boolean (self->settings, "run-in-background");

  g_debug ("Reminders pending: %s; holding: %s", pending ? "yes" : "no", should_hold ? "yes" : "no");

  if (should_hold && !self->holding)
    {
      g_application_hold (G_APPLICATION (self));
      self->holding = TRUE;
      oc3_background_request (g_settings_get_boolean (self->settings, "autostart"));
    }
  else if (!should_hold && self->holding)
    {
      self->holding = FALSE;
      g_application_release (G_APPLICATION (self));
    }
}

static void
reminder_due_cb (Oc3Application *self,
                 Oc3Reminder    *reminder)
{
  g_autoptr (GNotification) notification = g_notification_new (oc3_reminder_get_title (reminder));
  const char *guid = oc3_reminder_get_guid (reminder);
  Oc3ReminderKind kind = oc3_reminder_get_kind (reminder);

  g_notification_set_body (notification, oc3_reminder_get_body (reminder));
  g_notification_set_default_action_and_target (notification, "app.open-talk", "s", guid);
  if (kind == OC3_REMINDER_UPCOMING || kind == OC3_REMINDER_STARTED || kind == OC3_REMINDER_SNOOZED)
    {
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      g_notification_add_button_with_target (notification, _("Snooze 5 min"), "app.snooze", "s", guid);
    }
  if (kind != OC3_REMINDER_CANCELLED)
    g_notification_add_button_with_target (notification, _("Unstar"), "app.unstar", "s", guid);

  g_application_send_notification (G_APPLICATION (self), oc3_reminder_get_notification_id (reminder),
                                   notification);
}

static void
apply_reminder_settings (Oc3Application *self)
{
  if (self->agenda == NULL)
    return;

  oc3_reminder_scheduler_set_default_lead_minutes (oc3_agenda_get_scheduler (self->agenda),
                                                   g_settings_get_int (self->settings, "reminder-lead-minutes"));
  oc3_agenda_set_star_enables_reminder (self->agenda,
                                        g_settings_get_boolean (self->settings, "star-enables-reminder"));
  update_hold (self);
}

static void
search_index_ready_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (Oc3Application) self = user_data;
  g_autoptr (Oc3SearchIndex) index = oc3_search_index_new_finish (result, NULL);
  Oc3Conference *conference;

  if (index == NULL || self->search_provider == NULL)
    return;

  conference = oc3_search_index_get_conference (index);
  oc3_search_provider_set_index (self->search_provider, index, oc3_conference_get_time_zone (conference));
}

static void
update_search_index (Oc3Application *self,
                     Oc3Conference  *conference)
{
  if (self->search_provider != NULL && conference != NULL)
    oc3_search_index_new_async (conference, NULL, search_index_ready_cb, g_object_ref (self));
}

/**
 * oc3_application_get_agenda:
 * @conference_id: names the user's data of this conference (its stars and reminders)
 *
 * The agenda of @conference, made on first use; a refreshed program of the
 * same conference keeps its agenda.
 */
Oc3Agenda *
oc3_application_get_agenda (Oc3Application *self,
                            Oc3Conference  *conference,
                            const char     *conference_id)
{
  g_autoptr (Oc3UserStore) store = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (OC3_IS_APPLICATION (self), NULL);

  if (self->agenda != NULL && g_strcmp0 (self->agenda_conference_id, conference_id) == 0)
    {
      if (oc3_agenda_get_conference (self->agenda) != conference)
        {
          oc3_agenda_set_conference (self->agenda, conference);
          update_search_index (self, conference);
        }
      return self->agenda;
    }

  if (self->agenda != NULL)
    oc3_user_store_flush (oc3_agenda_get_store (self->agenda), NULL);
  g_clear_object (&self->agenda);

  store = oc3_user_store_new (conference_id);
  /* A store that cannot be read is moved aside by the store itself; what it
   * says about that is shown once by the window. */
  if (!oc3_user_store_load (store, &error))
    g_message ("Starred talks of %s: %s", conference_id, error->message);

  g_free (self->agenda_conference_id);
  self->agenda_conference_id = g_strdup (conference_id);
  self->agenda = oc3_agenda_new (NULL, store, self->clock);
  g_signal_connect_object (oc3_agenda_get_scheduler (self->agenda), "reminder-due",
                           G_CALLBACK (reminder_due_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (oc3_agenda_get_scheduler (self->agenda), "notify::has-pending",
                           G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
  apply_reminder_settings (self);
  oc3_agenda_set_conference (self->agenda, conference);
  update_hold (self);
  update_search_index (self, conference);

  return self->agenda;
}

Oc3Agenda *
oc3_application_peek_agenda (Oc3Application *self)
{
  g_return_val_if_fail (OC3_IS_APPLICATION (self), NULL);

  return self->agenda;
}

static int
oc3_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  Oc3Application *self = OC3_APPLICATION (application);
  const char *color_scheme = NULL;
  const char *check_location = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("oc3 %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Checking a program needs no display: it never starts the GUI. */
  if (g_variant_dict_lookup (options, "check", "&s", &check_location))
    return oc3_check_main (check_location, g_variant_dict_contains (options, "json"));

  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path);
  self->quit_after_first_frame = g_variant_dict_contains (options, "quit-after-first-frame");
  g_variant_dict_lookup (options, "view", "s", &self->initial_view);
  g_variant_dict_lookup (options, "talk", "s", &self->initial_talk);
  g_variant_dict_lookup (options, "window-width", "i", &self->window_width);
  g_variant_dict_lookup (options, "window-height", "i", &self->window_height);

  if (g_variant_dict_lookup (options, "color-scheme", "&s", &color_scheme))
    {
      AdwColorScheme scheme;

      if (g_strcmp0 (color_scheme, "dark") == 0)
        scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      else if (g_strcmp0 (color_scheme, "light") == 0)
        scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      else
        {
          g_printerr (_("--color-scheme takes “light” or “dark”\n"));
          return 1;
        }
      /* Must wait for startup, when the style manager exists. */
      g_object_set_data (G_OBJECT (self), "forced-color-scheme", GINT_TO_POINTER (scheme));
    }

  /* Screenshot and benchmark runs are one-offs: never hand them to a running instance. */
  if (self->screenshot_path != NULL || self->quit_after_first_frame)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
screenshot_saved_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (Oc3Application) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!oc3_screenshot_save_finish (result, &error))
    {
      g_printerr ("oc3: %s\n", error->message);
      self->exit_status = 1;
    }

  g_application_quit (G_APPLICATION (self));
}

static void
first_frame_painted_cb (GdkFrameClock  *frame_clock,
                        Oc3Application *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_painted_cb, self);
  g_application_quit (G_APPLICATION (self));
}

/* Runs once the window has the program: a screenshot, or the end of a start-up benchmark. */
static void
program_shown (Oc3Application *self,
               GtkWindow      *window)
{
  if (self->screenshot_path != NULL)
    oc3_screenshot_save_async (GTK_WIDGET (window), self->screenshot_path, NULL,
                               screenshot_saved_cb, g_object_ref (self));
  else if (self->quit_after_first_frame)
    {
      GdkFrameClock *frame_clock;

      /* The window shows up once it has the program. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          g_signal_connect_object (window, "map", G_CALLBACK (program_shown), self, G_CONNECT_SWAPPED);
          return;
        }
      g_signal_handlers_disconnect_by_func (window, program_shown, self);
      frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self, 0);
      gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }
}

static void
conference_loaded_cb (Oc3Application *self,
                      GParamSpec     *pspec,
                      GtkWindow      *window)
{
  if (oc3_window_get_conference (OC3_WINDOW (window)) == NULL)
    return;

  g_signal_handlers_disconnect_by_func (window, conference_loaded_cb, self);
  program_shown (self, window);
}

static void
oc3_application_activate (GApplication *application)
{
  Oc3Application *self = OC3_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (oc3_window_new (self));
      if (self->window_width > 0 && self->window_height > 0)
        gtk_window_set_default_size (window, self->window_width, self->window_height);
    }

  if (self->initial_view != NULL)
    oc3_window_show_view (OC3_WINDOW (window), self->initial_view);
  if (self->initial_talk != NULL)
    oc3_window_show_talk (OC3_WINDOW (window), self->initial_talk);

  oc3_window_present_when_ready (OC3_WINDOW (window));

  if (self->screenshot_path != NULL || self->quit_after_first_frame)
    {
      /* The shot shows the program, so it waits until the program is read. */
      if (oc3_window_get_conference (OC3_WINDOW (window)) != NULL)
        program_shown (self, window);
      else
        g_signal_connect_object (window, "notify::conference", G_CALLBACK (conference_loaded_cb),
                                 self, G_CONNECT_SWAPPED);
    }
}

/* oc3 FILE opens that program (a schedule.json) in the window. */
static void
oc3_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *window;

  oc3_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (n_files > 0)
    oc3_window_open_file (OC3_WINDOW (window), files[0]);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  Oc3Application *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows (rather than quitting at once) lets them save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  Oc3Application *self = user_data;
  AdwDialog *about;
  const char *developers[] = { "The OC3 developers", NULL };

  about = adw_about_dialog_new_from_appdata ("/com/example/OC3/metainfo.xml", PACKAGE_VERSION);
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (about), developers);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (about), "© 2026 The OC3 developers");
  /* Translators: Replace "translator-credits" with your name/username, and optionally an email or URL. */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_dialog_present (about, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  Oc3Application *self = user_data;

  adw_dialog_present (ADW_DIALOG (oc3_preferences_dialog_new ()),
                      GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
open_talk_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Oc3Application *self = user_data;
  GtkWindow *window;

  oc3_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  oc3_window_show_talk (OC3_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static void
snooze_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Oc3Application *self = user_data;

  if (self->agenda != NULL)
    oc3_reminder_scheduler_snooze (oc3_agenda_get_scheduler (self->agenda),
                                   g_variant_get_string (parameter, NULL), 5);
}

static void
unstar_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Oc3Application *self = user_data;
  const char *guid = g_variant_get_string (parameter, NULL);

  if (self->agenda != NULL)
    oc3_agenda_set_starred (self->agenda, guid, FALSE);
  g_application_withdraw_notification (G_APPLICATION (self), guid);
}

static const GActionEntry app_actions[] = {
  { "open-talk", open_talk_action, "s" },
  { "snooze", snooze_action, "s" },
  { "unstar", unstar_action, "s" },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

typedef struct
{
  Oc3Application *app;
  char           *conference_id;
} StartupLoad;

static void
startup_program_loaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  StartupLoad *load = user_data;
  g_autoptr (Oc3Conference) conference = oc3_schedule_parse_finish (result, NULL);

  /* The window may have been quicker: it sets up the same agenda. */
  if (conference != NULL && load->app->agenda == NULL)
    oc3_application_get_agenda (load->app, conference, load->conference_id);

  g_application_release (G_APPLICATION (load->app));
  g_object_unref (load->app);
  g_free (load->conference_id);
  g_free (load);
}

/* Reminders do not wait for a window: at start (also at login, as a
 * background service) the last conference's program is read and its
 * reminders planned. The app holds itself until then. */
static void
load_last_conference (Oc3Application *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "last-conference");
  int position = oc3_bundled_programs_find (id);
  g_autoptr (GBytes) bytes = NULL;
  StartupLoad *load;

  if (position < 0)
    return;
  bytes = oc3_bundled_programs_load (position, NULL);
  if (bytes == NULL)
    return;

  load = g_new0 (StartupLoad, 1);
  load->app = g_object_ref (self);
  load->conference_id = g_steal_pointer (&id);
  g_application_hold (G_APPLICATION (self));
  oc3_schedule_parse_async (bytes, NULL, startup_program_loaded_cb, load);
}

static void
autostart_changed_cb (Oc3Application *self)
{
  gboolean autostart = g_settings_get_boolean (self->settings, "autostart");
  g_autoptr (GError) error = NULL;

  if (oc3_background_is_sandboxed ())
    oc3_background_request (autostart);
  else if (!oc3_background_set_autostart_file (autostart, &error))
    g_message ("%s", error->message);
}

static void
search_activate_talk_cb (Oc3Application *self,
                         const char     *guid,
                         guint           timestamp)
{
  GtkWindow *window;

  oc3_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  oc3_window_show_talk (OC3_WINDOW (window), guid);
}

static void
search_launch_cb (Oc3Application *self,
                  const char     *query,
                  guint           timestamp)
{
  GtkWindow *window;

  oc3_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  oc3_window_search (OC3_WINDOW (window), query);
}

/* GNOME Shell finds the search provider on the app's own bus connection. */
static gboolean
oc3_application_dbus_register (GApplication     *application,
                               GDBusConnection  *connection,
                               const char       *object_path,
                               GError          **error)
{
  Oc3Application *self = OC3_APPLICATION (application);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (oc3_application_parent_class)->dbus_register (application, connection,
                                                                          object_path, error))
    return FALSE;

  self->search_provider = oc3_search_provider_new (application);
  g_signal_connect_object (self->search_provider, "activate-talk", G_CALLBACK (search_activate_talk_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "launch-search", G_CALLBACK (search_launch_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->agenda != NULL)
    update_search_index (self, oc3_agenda_get_conference (self->agenda));

  return oc3_search_provider_export (self->search_provider, connection, path, error);
}

static void
oc3_application_dbus_unregister (GApplication    *application,
                                 GDBusConnection *connection,
                                 const char      *object_path)
{
  Oc3Application *self = OC3_APPLICATION (application);

  if (self->search_provider != NULL)
    oc3_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (oc3_application_parent_class)->dbus_unregister (application, connection, object_path);
}

static void
oc3_application_shutdown (GApplication *application)
{
  Oc3Application *self = OC3_APPLICATION (application);

  /* Stars are saved a moment after each change; the last ones now. */
  if (self->agenda != NULL)
    oc3_user_store_flush (oc3_agenda_get_store (self->agenda), NULL);

  G_APPLICATION_CLASS (oc3_application_parent_class)->shutdown (application);
}

static void
oc3_application_startup (GApplication *application)
{
  Oc3Application *self = OC3_APPLICATION (application);
  gpointer forced_scheme;

  G_APPLICATION_CLASS (oc3_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });

  self->settings = g_settings_new (APPLICATION_ID);
  self->clock = oc3_clock_new ();
  g_signal_connect_object (self->settings, "changed::reminder-lead-minutes",
                           G_CALLBACK (apply_reminder_settings), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::star-enables-reminder",
                           G_CALLBACK (apply_reminder_settings), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::autostart",
                           G_CALLBACK (autostart_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->screenshot_path == NULL && !self->quit_after_first_frame)
    load_last_conference (self);

  forced_scheme = g_object_get_data (G_OBJECT (self), "forced-color-scheme");
  if (forced_scheme != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        GPOINTER_TO_INT (forced_scheme));
}

static void
oc3_application_finalize (GObject *object)
{
  Oc3Application *self = OC3_APPLICATION (object);

  g_clear_object (&self->agenda);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->agenda_conference_id, g_free);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->initial_view, g_free);
  g_clear_pointer (&self->initial_talk, g_free);

  G_OBJECT_CLASS (oc3_application_parent_class)->finalize (object);
}

static void
oc3_application_class_init (Oc3ApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  oc3_register_resource ();

  object_class->finalize = oc3_application_finalize;
  app_class->handle_local_options = oc3_application_handle_local_options;
  app_class->startup = oc3_application_startup;
  app_class->shutdown = oc3_application_shutdown;
  app_class->activate = oc3_application_activate;
  app_class->open = oc3_application_open;
  app_class->dbus_register = oc3_application_dbus_register;
  app_class->dbus_unregister = oc3_application_dbus_unregister;
}

static void
oc3_application_init (Oc3Application *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE|URL]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The companion app for the Open Confidential Computing Conference."));
}
