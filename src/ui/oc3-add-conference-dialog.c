/* oc3-add-conference-dialog.c — Add Conference…: a program's address or
 * file, and the time zone of its times if it gives none; previewed before
 * it is added.
 *
 * The preview reads the program exactly as the window will once it is
 * added: in the zone chosen, and (for an address) through a program source
 * under the conference's id, so that the download is already in the cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-add-conference-dialog.h"
#include "oc3-program-source.h"
#include "oc3-schedule.h"
#include "oc3-time.h"

struct _Oc3AddConferenceDialog
{
  AdwDialog parent_instance;

  Oc3ProgramCache   *cache;
  Oc3ProgramFetcher *fetcher;
  GCancellable      *cancellable;       /* the preview being read, */
  char              *reading_location;  /* from where, */
  GTimeZone         *reading_zone;      /* and in which zone */
  char              *error;

  /* What the preview shows, and what "Add" adds. */
  Oc3Conference     *conference;
  char              *location;
  GTimeZone         *zone;

  /* Template widgets */
  AdwNavigationView *navigation_view;
  AdwEntryRow       *address_row;
  GtkLabel          *error_label;
  AdwComboRow       *zone_row;
  GtkSpinner        *spinner;
  GtkLabel          *title_label;
  AdwActionRow      *dates_row;
  AdwActionRow      *talks_row;
  AdwActionRow      *zone_used_row;
  AdwActionRow      *insecure_row;
  GtkWidget         *add_button;
};

G_DEFINE_FINAL_TYPE (Oc3AddConferenceDialog, oc3_add_conference_dialog, ADW_TYPE_DIALOG)

enum {
  ADD_CONFERENCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

Oc3AddConferenceDialog *
oc3_add_conference_dialog_new (Oc3ProgramCache   *cache,
                               Oc3ProgramFetcher *fetcher)
{
  Oc3AddConferenceDialog *self;

  g_return_val_if_fail (OC3_IS_PROGRAM_CACHE (cache), NULL);
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (fetcher), NULL);

  self = g_object_new (OC3_TYPE_ADD_CONFERENCE_DIALOG, NULL);
  self->cache = g_object_ref (cache);
  self->fetcher = g_object_ref (fetcher);

  return self;
}

/* Why the last address or file could not be previewed, or %NULL. */
const char *
oc3_add_conference_dialog_get_error (Oc3AddConferenceDialog *self)
{
  g_return_val_if_fail (OC3_IS_ADD_CONFERENCE_DIALOG (self), NULL);

  return self->error;
}

static gboolean
is_web_address (const char *location)
{
  return g_str_has_prefix (location, "https://") || g_str_has_prefix (location, "http://");
}

/* "America/New York": the tz database's names, with spaces as people
 * write them; also what the search matches. */
static char *
zone_display_name (GtkStringObject *item)
{
  char *name = g_strdup (gtk_string_object_get_string (item));

  return g_strdelimit (name, "_", ' ');
}

static GTimeZone *
get_chosen_zone (Oc3AddConferenceDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->zone_row);
  GTimeZone *zone = item != NULL ? g_time_zone_new_identifier (gtk_string_object_get_string (item)) : NULL;

  return zone != NULL ? zone : g_time_zone_new_local ();
}

static void
set_loading (Oc3AddConferenceDialog *self,
             gboolean                loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zone_row), !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-conference.next", !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-conference.choose-file", !loading);
}

static void
show_error (Oc3AddConferenceDialog *self,
            const char             *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_accessible_announce (GTK_ACCESSIBLE (self), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

static void
address_changed_cb (Oc3AddConferenceDialog *self)
{
  show_error (self, NULL);
}

/* The title, days, number of talks and time zone of the program read, on
 * the second page. The time zone shown is the one its times were read in:
 * the one chosen, or the program's own. */
static void
show_preview (Oc3AddConferenceDialog *self,
              Oc3Conference          *conference,
              GError                 *error)
{
  GListModel *days;
  guint n_days, n_talks;
  g_autofree char *span = NULL;
  g_autofree char *talks = NULL;
  g_autofree char *zone_text = NULL;
  g_autofree char *zone_name = NULL;
  g_autofree char *offset = NULL;
  g_autoptr (GDateTime) now = NULL;
  const char *zone_identifier;
  GTimeZone *zone;
  GDateTime *start;

  set_loading (self, FALSE);
  if (conference == NULL)
    {
      show_error (self, error != NULL ? error->message : _("The program could not be read"));
      return;
    }

  g_set_object (&self->conference, conference);
  g_free (self->location);
  self->location = g_steal_pointer (&self->reading_location);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_steal_pointer (&self->reading_zone);

  days = oc3_conference_get_days (conference);
  n_days = g_list_model_get_n_items (days);
  n_talks = g_list_model_get_n_items (oc3_conference_get_talks (conference));
  zone = oc3_conference_get_time_zone (conference);
  if (n_days > 0)
    {
      g_autoptr (Oc3Day) first = g_list_model_get_item (days, 0);
      g_autoptr (Oc3Day) last = g_list_model_get_item (days, n_days - 1);
      g_autofree char *first_text = oc3_time_format_day (oc3_day_get_date (first), zone);
      g_autofree char *last_text = oc3_time_format_day (oc3_day_get_date (last), zone);

      /* Translators: the span of a conference, from its first to its last day. */
      span = n_days > 1 ? g_strdup_printf (_("%s to %s"), first_text, last_text) : g_steal_pointer (&first_text);
    }
  talks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk", "%u talks", n_talks), n_talks);

  zone_identifier = oc3_conference_get_time_zone_identifier (conference);
  if (zone_identifier == NULL)
    zone_identifier = g_time_zone_get_identifier (zone);
  zone_name = g_strdelimit (g_strdup (zone_identifier), "_", ' ');
  start = oc3_conference_get_start (conference);
  now = g_date_time_new_now (zone);
  offset = oc3_time_format_zone (zone, start != NULL ? start : now);
  /* Translators: a time zone's name and its offset, e.g. "America/New York · EST (UTC-05:00)". */
  zone_text = g_strdup_printf (_("%s · %s"), zone_name, offset);
  if (g_strcmp0 (zone_identifier, g_time_zone_get_identifier (self->zone)) != 0)
    {
      g_autofree char *own = g_steal_pointer (&zone_text);

      /* Translators: the time zone a program gives for its times, which the one chosen does not change. */
      zone_text = g_strdup_printf (_("%s, given by the program"), own);
    }

  gtk_label_set_text (self->title_label, oc3_conference_get_title (conference));
  adw_action_row_set_subtitle (self->dates_row, span != NULL ? span : "");
  adw_action_row_set_subtitle (self->talks_row, talks);
  adw_action_row_set_subtitle (self->zone_used_row, zone_text);
  /* A program fetched over plain http could have been changed on the way. */
  gtk_widget_set_visible (GTK_WIDGET (self->insecure_row),
                          is_web_address (self->location) && !oc3_program_fetcher_is_secure_url (self->location));

  adw_navigation_view_push_by_tag (self->navigation_view, "preview");
  /* Enter adds it, as it went on to this page. */
  gtk_widget_grab_focus (self->add_button);
}

static gboolean
is_cancelled (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, OC3_FETCH_ERROR, OC3_FETCH_ERROR_CANCELLED);
}

static void
preview_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (Oc3AddConferenceDialog) self = user_data;
  g_autoptr (Oc3Conference) conference = NULL;
  g_autoptr (GError) error = NULL;

  oc3_program_source_refresh_finish (OC3_PROGRAM_SOURCE (source), result, &conference, NULL, &error);
  if (is_cancelled (error))
    return;
  if (conference == NULL && error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server sent no program"));
  show_preview (self, conference, error);
}

static void
preview_file_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (Oc3AddConferenceDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = oc3_schedule_load_finish (result, &error);

  if (is_cancelled (error))
    return;
  show_preview (self, conference, error);
}

/* Reads the program at the address (or the file) in the zone chosen. */
static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  Oc3AddConferenceDialog *self = OC3_ADD_CONFERENCE_DIALOG (widget);
  g_autofree char *location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  g_autoptr (GTimeZone) zone = get_chosen_zone (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->reading_location);
  self->reading_location = g_strdup (location);
  g_clear_pointer (&self->reading_zone, g_time_zone_unref);
  self->reading_zone = g_time_zone_ref (zone);

  if (is_web_address (location))
    {
      g_autofree char *id = oc3_program_source_id_for_location (location);
      g_autoptr (Oc3ProgramSource) source = oc3_program_source_new (id, self->cache, self->fetcher);

      /* Fetched under the conference's id: once added, it shows from the cache at once. */
      oc3_program_source_set_url (source, location);
      oc3_program_source_set_default_zone (source, zone);
      oc3_program_source_refresh_async (source, NULL, self->cancellable, preview_fetched_cb, g_object_ref (self));
    }
  else if (g_str_has_prefix (location, "file://"))
    {
      g_autoptr (GFile) file = g_file_new_for_uri (location);

      oc3_schedule_load_with_zone_async (file, zone, self->cancellable, preview_file_loaded_cb, g_object_ref (self));
    }
  else
    {
      show_error (self, _("Enter an address that starts with https://"));
      return;
    }

  show_error (self, NULL);
  set_loading (self, TRUE);
}

static void
address_activated_cb (Oc3AddConferenceDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "add-conference.next", NULL);
}

static void
program_file_chosen_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (Oc3AddConferenceDialog) self = user_data;
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autofree char *uri = NULL;

  if (file == NULL)
    return;

  /* The file is the location: going back, another zone reads it again. */
  uri = g_file_get_uri (file);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), uri);
  gtk_widget_activate_action (GTK_WIDGET (self), "add-conference.next", NULL);
}

/* Through the file chooser: the document portal in the Flatpak sandbox. */
static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  Oc3AddConferenceDialog *self = OC3_ADD_CONFERENCE_DIALOG (widget);
  g_autoptr (GtkFileDialog) chooser = gtk_file_dialog_new ();
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_file_filter_set_name (filter, _("Conference Programs"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "xml");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (chooser, G_LIST_MODEL (filters));
  gtk_file_dialog_open (chooser, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        program_file_chosen_cb, g_object_ref (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  Oc3AddConferenceDialog *self = OC3_ADD_CONFERENCE_DIALOG (widget);

  if (self->conference == NULL)
    return;

  g_signal_emit (self, signals[ADD_CONFERENCE], 0, self->location,
                 oc3_conference_get_title (self->conference), self->zone);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

/* Chooses @identifier in the zone row, if it is offered. */
static void
select_zone (Oc3AddConferenceDialog *self,
             const char             *identifier)
{
  GListModel *zones = adw_combo_row_get_model (self->zone_row);

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (zones, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), identifier) == 0)
        {
          adw_combo_row_set_selected (self->zone_row, i);
          return;
        }
    }
}

/* The local zone first chosen: most people add a conference where they are. */
static void
fill_zones (Oc3AddConferenceDialog *self)
{
  g_auto (GStrv) identifiers = oc3_time_list_zones (NULL);
  g_autoptr (GtkStringList) zones = gtk_string_list_new ((const char * const *) identifiers);
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  GtkExpression *expression;

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (zone_display_name), NULL, NULL);
  adw_combo_row_set_expression (self->zone_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (zones));

  /* "york" should find America/New York. libadwaita 1.6 can search inside
   * names; 1.5, the oldest OC3 runs with, only matches their beginnings. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->zone_row), "search-match-mode") != NULL)
    g_object_set (self->zone_row, "search-match-mode", GTK_STRING_FILTER_MATCH_MODE_SUBSTRING, NULL);

  select_zone (self, g_time_zone_get_identifier (local));
}

static void
oc3_add_conference_dialog_closed (AdwDialog *dialog)
{
  Oc3AddConferenceDialog *self = OC3_ADD_CONFERENCE_DIALOG (dialog);

  g_cancellable_cancel (self->cancellable);
}

static void
oc3_add_conference_dialog_dispose (GObject *object)
{
  Oc3AddConferenceDialog *self = OC3_ADD_CONFERENCE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_ADD_CONFERENCE_DIALOG);

  G_OBJECT_CLASS (oc3_add_conference_dialog_parent_class)->dispose (object);
}

static void
oc3_add_conference_dialog_finalize (GObject *object)
{
  Oc3AddConferenceDialog *self = OC3_ADD_CONFERENCE_DIALOG (object);

  g_clear_object (&self->cache);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->conference);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->reading_location, g_free);
  g_clear_pointer (&self->reading_zone, g_time_zone_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (oc3_add_conference_dialog_parent_class)->finalize (object);
}

static void
oc3_add_conference_dialog_class_init (Oc3AddConferenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = oc3_add_conference_dialog_dispose;
  object_class->finalize = oc3_add_conference_dialog_finalize;
  dialog_class->closed = oc3_add_conference_dialog_closed;

  /**
   * Oc3AddConferenceDialog::add-conference:
   * @location: the program's address, or its file's URI
   * @name: the conference's title
   * @zone: the zone the program was read in where it gives none
   *
   * The user added the conference previewed.
   */
  signals[ADD_CONFERENCE] =
    g_signal_new ("add-conference", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_TIME_ZONE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-add-conference-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, dates_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, talks_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, zone_used_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, insecure_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3AddConferenceDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_activated_cb);

  gtk_widget_class_install_action (widget_class, "add-conference.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "add-conference.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "add-conference.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "add-conference.cancel", NULL, cancel_action);
}

static void
oc3_add_conference_dialog_init (Oc3AddConferenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_zones (self);
}

/* For a conference added before: its address (or file) and zone filled in,
 * to read it again in another zone. Added again, it keeps its stars. */
void
oc3_add_conference_dialog_set_conference (Oc3AddConferenceDialog *self,
                                          const char             *location,
                                          GTimeZone              *zone)
{
  const char *title = _("Conference Time Zone");

  g_return_if_fail (OC3_IS_ADD_CONFERENCE_DIALOG (self));
  g_return_if_fail (location != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), location);
  if (zone != NULL)
    select_zone (self, g_time_zone_get_identifier (zone));

  adw_dialog_set_title (ADW_DIALOG (self), title);
  adw_navigation_page_set_title (adw_navigation_view_find_page (self->navigation_view, "source"), title);
  adw_navigation_page_set_title (adw_navigation_view_find_page (self->navigation_view, "preview"), title);
  gtk_button_set_label (GTK_BUTTON (self->add_button), _("_Apply"));
}
