/* oc3-talk-page.c — everything about one talk: when and where, who speaks,
 * what it is about, and where to read more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-color-swatch.h"
#include "oc3-markup.h"
#include "oc3-talk-format.h"
#include "oc3-talk-page.h"
#include "oc3-time.h"
#include "oc3-toast.h"
#include "oc3-uri-launch.h"

struct _Oc3TalkPage
{
  AdwNavigationPage parent_instance;

  Oc3Conference *conference;
  Oc3Talk       *talk;
  GTimeZone     *display_zone;

  GtkBox         *header_end_box;
  GtkButton      *copy_link_button;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkWidget      *do_not_record_box;
  GtkListBoxRow  *time_row;
  GtkLabel       *day_label;
  GtkLabel       *time_label;
  GtkLabel       *other_times_label;
  GtkListBoxRow  *room_row;
  GtkLabel       *room_label;
  GtkListBoxRow  *track_row;
  Oc3ColorSwatch *track_swatch;
  GtkLabel       *track_label;
  GtkListBoxRow  *type_row;
  GtkLabel       *type_label;
  GtkListBoxRow  *language_row;
  GtkLabel       *language_label;
  GtkWidget      *speakers_box;
  GtkListBox     *speakers_list;
  GtkWidget      *text_box;
  GtkLabel       *abstract_label;
  GtkLabel       *description_label;
  GtkWidget      *links_box;
  GtkListBox     *links_list;
  GtkWidget      *attachments_box;
  GtkListBox     *attachments_list;
  AdwBanner *notice_banner;
};

G_DEFINE_FINAL_TYPE (Oc3TalkPage, oc3_talk_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CONFERENCE,
  PROP_TALK,
  PROP_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* "CET" where the zone has a name people know, else "UTC+05:30". */
static char *
format_zone_abbreviation (GDateTime *at,
                          GTimeZone *zone)
{
  g_autoptr (GDateTime) local = g_date_time_to_timezone (at, zone);
  const char *abbreviation = g_date_time_get_timezone_abbreviation (local);

  if (is_empty (abbreviation) || *abbreviation == '+' || *abbreviation == '-')
    return g_date_time_format (local, "UTC%:z");

  return g_strdup (abbreviation);
}

static gboolean
same_date_in_zones (GDateTime *at,
                    GTimeZone *zone_a,
                    GTimeZone *zone_b)
{
  g_autoptr (GDateTime) a = g_date_time_to_timezone (at, zone_a);
  g_autoptr (GDateTime) b = g_date_time_to_timezone (at, zone_b);

  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* The talk's time in @zone, for someone who reads the page in @display_zone:
 * with the weekday when the date is not the one the page shows. */
static char *
format_range_in_other_zone (Oc3TalkPage *self,
                            GTimeZone   *zone)
{
  GDateTime *start = oc3_talk_get_start (self->talk);
  g_autofree char *range = oc3_time_format_range (start, oc3_talk_get_end (self->talk), zone);
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *weekday = NULL;

  if (same_date_in_zones (start, zone, self->display_zone))
    return g_steal_pointer (&range);

  local = g_date_time_to_timezone (start, zone);
  /* Translators: the abbreviated weekday of a time in another time zone,
   * shown when it falls on another day than the talk's date; see strftime(3). */
  weekday = g_date_time_format (local, _("%a"));
  /* Translators: a time range on another day, e.g. "Tue 23:00–23:45". */
  return g_strdup_printf (C_("time range on another day", "%s %s"), weekday, range);
}

static void
update_times (Oc3TalkPage *self)
{
  GDateTime *start = oc3_talk_get_start (self->talk);
  GTimeZone *conference_zone = oc3_conference_get_time_zone (self->conference);
  g_autoptr (GTimeZone) local_zone = g_time_zone_new_local ();
  g_autofree char *day = oc3_time_format_day (start, self->display_zone);
  g_autofree char *range = oc3_time_format_range (start, oc3_talk_get_end (self->talk), self->display_zone);
  g_autofree char *zone_name = format_zone_abbreviation (start, self->display_zone);
  g_autofree char *time_text = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr (GString) others = g_string_new (NULL);
  gboolean conference_differs = oc3_time_zones_differ_at (self->display_zone, conference_zone, start);

  /* Translators: a talk's time and its time zone, e.g. "10:00–10:45 CET". */
  time_text = g_strdup_printf (C_("time range and zone", "%s %s"), range, zone_name);

  /* Whoever shows the program in their own time still finds the talk on the
   * printed program and the signs at the venue, and the other way round. */
  if (conference_differs)
    {
      g_autofree char *conference_range = format_range_in_other_zone (self, conference_zone);

      /* Translators: a talk's time where the conference takes place, e.g. "10:00–10:45 conference time". */
      g_string_append_printf (others, _("%s conference time"), conference_range);
    }

  if (oc3_time_zones_differ_at (self->display_zone, local_zone, start) &&
      (!conference_differs || oc3_time_zones_differ_at (conference_zone, local_zone, start)))
    {
      g_autofree char *local_range = format_range_in_other_zone (self, local_zone);

      if (others->len > 0)
        /* Translators: between the times of a talk in other time zones. */
        g_string_append (others, _(" · "));
      /* Translators: a talk's time in the user's own time zone, e.g. "04:00–04:45 your time". */
      g_string_append_printf (others, _("%s your time"), local_range);
    }

  gtk_label_set_text (self->day_label, day);
  gtk_label_set_text (self->time_label, time_text);
  gtk_label_set_text (self->other_times_label, others->str);
  gtk_widget_set_visible (GTK_WIDGET (self->other_times_label), others->len > 0);

  if (others->len > 0)
    /* Translators: when a talk is, for screen readers: day, time, and the time in other zones. */
    accessible = g_strdup_printf (_("%s, %s, %s"), day, time_text, others->str);
  else
    /* Translators: when a talk is, for screen readers: day and time. */
    accessible = g_strdup_printf (_("%s, %s"), day, time_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* A row of facts ("Room", "Track"…): shown only when the program gives the
 * fact; screen readers hear what the fact is and its value together. */
static void
set_fact (GtkListBoxRow *row,
          GtkLabel      *label,
          const char    *fact,
          const char    *value)
{
  g_autofree char *accessible = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), !is_empty (value));
  if (is_empty (value))
    return;

  gtk_label_set_text (label, value);
  /* Translators: a fact about a talk, for screen readers, e.g. "Room: Hall 1". */
  accessible = g_strdup_printf (_("%s: %s"), fact, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Abstracts and descriptions are HTML or Markdown, as the program has them:
 * the converter escapes everything else, so no program text can inject markup. */
static void
set_program_text (GtkLabel   *label,
                  const char *text)
{
  g_autofree char *markup = NULL;

  if (!is_empty (text))
    markup = oc3_markup_from_program_text (text);

  gtk_label_set_markup (label, markup != NULL ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (label), !is_empty (markup));
}

static char *
format_person_details (Oc3Person *person)
{
  const char *affiliation = oc3_person_get_affiliation (person);
  const char *role = oc3_person_get_role (person);

  if (!is_empty (role) && !is_empty (affiliation))
    /* Translators: a speaker's role at their organization, e.g. "CTO, Example Corp". */
    return g_strdup_printf (_("%s, %s"), role, affiliation);

  return g_strdup (!is_empty (affiliation) ? affiliation : role);
}

static void
fill_speakers (Oc3TalkPage *self)
{
  GListModel *persons = oc3_talk_get_persons (self->talk);
  guint n_persons = g_list_model_get_n_items (persons);

  for (guint i = 0; i < n_persons; i++)
    {
      g_autoptr (Oc3Person) person = g_list_model_get_item (persons, i);
      g_autofree char *details = format_person_details (person);
      GtkWidget *row = adw_action_row_new ();

      /* Names come from the program: shown as they are, never read as markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), oc3_person_get_name (person));
      if (!is_empty (details))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE,
                                                                      "icon-name", "avatar-default-symbolic",
                                                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                                      NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE,
                                                                      "icon-name", "go-next-symbolic",
                                                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                                      NULL));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->speakers_list, row);
    }

  gtk_widget_set_visible (self->speakers_box, n_persons > 0);
}

static void
fill_links (GtkListBox *list,
            GtkWidget  *box,
            GPtrArray  *links,
            const char *icon_name)
{
  guint n_links = links != NULL ? links->len : 0;

  for (guint i = 0; i < n_links; i++)
    {
      Oc3Link *link = g_ptr_array_index (links, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (!is_empty (link->title) && g_strcmp0 (link->title, link->url) != 0)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), link->url);
        }
      else
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->url);
        }
      gtk_widget_set_tooltip_text (row, link->url);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE,
                                                                      "icon-name", icon_name,
                                                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                                      NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE,
                                                                      "icon-name", "adw-external-link-symbolic",
                                                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                                      NULL));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (list, row);
    }

  gtk_widget_set_visible (box, n_links > 0);
}

static void
fill (Oc3TalkPage *self)
{
  Oc3Talk *talk = self->talk;
  Oc3Track *track = oc3_talk_get_track (talk);
  const char *subtitle = oc3_talk_get_subtitle (talk);
  const char *abstract = oc3_talk_get_abstract (talk);
  const char *description = oc3_talk_get_description (talk);
  gboolean has_url = !is_empty (oc3_talk_get_url (talk));

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), oc3_talk_get_title (talk));
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (self), oc3_talk_get_guid (talk));

  /* Plain text: a title like "<b>R&D</b>" is shown as written. */
  gtk_label_set_text (self->title_label, oc3_talk_get_title (talk));
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), !is_empty (subtitle));

  gtk_widget_set_visible (self->do_not_record_box, oc3_talk_get_do_not_record (talk));

  update_times (self);
  set_fact (self->room_row, self->room_label, _("Room"), oc3_talk_get_room_name (talk));
  set_fact (self->track_row, self->track_label, _("Track"), track != NULL ? oc3_track_get_name (track) : NULL);
  if (track != NULL)
    oc3_color_swatch_set_color (self->track_swatch, oc3_track_get_color (track));
  set_fact (self->type_row, self->type_label, _("Type"), oc3_talk_get_talk_type (talk));
  set_fact (self->language_row, self->language_label, _("Language"), oc3_talk_get_language (talk));

  fill_speakers (self);

  set_program_text (self->abstract_label, abstract);
  /* Some exporters repeat the abstract as the description: once is enough. */
  set_program_text (self->description_label, g_strcmp0 (abstract, description) != 0 ? description : NULL);
  gtk_widget_set_visible (self->text_box,
                          gtk_widget_get_visible (GTK_WIDGET (self->abstract_label)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->description_label)));

  fill_links (self->links_list, self->links_box, oc3_talk_get_links (talk), "web-browser-symbolic");
  fill_links (self->attachments_list, self->attachments_box, oc3_talk_get_attachments (talk),
              "mail-attachment-symbolic");

  gtk_widget_set_visible (GTK_WIDGET (self->copy_link_button), has_url);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talk.copy-link", has_url);
}

static void
speaker_row_activated_cb (Oc3TalkPage   *self,
                          GtkListBoxRow *row)
{
  g_autoptr (Oc3Person) person = NULL;

  person = g_list_model_get_item (oc3_talk_get_persons (self->talk), gtk_list_box_row_get_index (row));
  if (person != NULL)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, person);
}

static void
link_row_activated_cb (Oc3TalkPage   *self,
                       GtkListBoxRow *row)
{
  GPtrArray *links;
  int index = gtk_list_box_row_get_index (row);

  if (gtk_widget_get_parent (GTK_WIDGET (row)) == GTK_WIDGET (self->links_list))
    links = oc3_talk_get_links (self->talk);
  else
    links = oc3_talk_get_attachments (self->talk);

  if (links != NULL && index >= 0 && (guint) index < links->len)
    oc3_uri_launch (GTK_WIDGET (self), ((Oc3Link *) g_ptr_array_index (links, index))->url);
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  Oc3TalkPage *self = OC3_TALK_PAGE (widget);
  const char *url = oc3_talk_get_url (self->talk);

  if (is_empty (url))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  oc3_toast_show (widget, _("Link copied"));
}

Oc3TalkPage *
oc3_talk_page_new (Oc3Conference *conference,
                   Oc3Talk       *talk,
                   GTimeZone     *display_zone)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (OC3_IS_TALK (talk), NULL);

  return g_object_new (OC3_TYPE_TALK_PAGE,
                       "conference", conference,
                       "talk", talk,
                       "zone", display_zone,
                       NULL);
}

Oc3Conference *
oc3_talk_page_get_conference (Oc3TalkPage *self)
{
  g_return_val_if_fail (OC3_IS_TALK_PAGE (self), NULL);

  return self->conference;
}

Oc3Talk *
oc3_talk_page_get_talk (Oc3TalkPage *self)
{
  g_return_val_if_fail (OC3_IS_TALK_PAGE (self), NULL);

  return self->talk;
}

GTimeZone *
oc3_talk_page_get_display_zone (Oc3TalkPage *self)
{
  g_return_val_if_fail (OC3_IS_TALK_PAGE (self), NULL);

  return self->display_zone;
}

/* Times follow the zone the user chose to read the program in; %NULL means
 * the conference's own zone. */
void
oc3_talk_page_set_display_zone (Oc3TalkPage *self,
                                GTimeZone   *display_zone)
{
  g_return_if_fail (OC3_IS_TALK_PAGE (self));

  if (display_zone == NULL && self->conference != NULL)
    display_zone = oc3_conference_get_time_zone (self->conference);
  if (display_zone == NULL || display_zone == self->display_zone)
    return;

  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  self->display_zone = g_time_zone_ref (display_zone);

  if (self->talk != NULL && self->conference != NULL)
    update_times (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

/**
 * oc3_talk_page_get_header_end_box:
 * @self: a #Oc3TalkPage
 *
 * Returns: (transfer none): a box at the end of the header bar, for the
 *   buttons that act on the talk (star, reminder)
 */
GtkBox *
oc3_talk_page_get_header_end_box (Oc3TalkPage *self)
{
  g_return_val_if_fail (OC3_IS_TALK_PAGE (self), NULL);

  return self->header_end_box;
}

static void
oc3_talk_page_constructed (GObject *object)
{
  Oc3TalkPage *self = OC3_TALK_PAGE (object);

  G_OBJECT_CLASS (oc3_talk_page_parent_class)->constructed (object);

  g_return_if_fail (self->conference != NULL && self->talk != NULL);

  if (self->display_zone == NULL)
    self->display_zone = g_time_zone_ref (oc3_conference_get_time_zone (self->conference));

  fill (self);
}

static void
oc3_talk_page_dispose (GObject *object)
{
  Oc3TalkPage *self = OC3_TALK_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_TALK_PAGE);
  g_clear_object (&self->talk);
  g_clear_object (&self->conference);

  G_OBJECT_CLASS (oc3_talk_page_parent_class)->dispose (object);
}

static void
oc3_talk_page_finalize (GObject *object)
{
  Oc3TalkPage *self = OC3_TALK_PAGE (object);

  g_clear_pointer (&self->display_zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_talk_page_parent_class)->finalize (object);
}

static void
oc3_talk_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  Oc3TalkPage *self = OC3_TALK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      g_value_set_object (value, self->conference);
      break;

    case PROP_TALK:
      g_value_set_object (value, self->talk);
      break;

    case PROP_ZONE:
      g_value_set_boxed (value, self->display_zone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_talk_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  Oc3TalkPage *self = OC3_TALK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      self->conference = g_value_dup_object (value);
      break;

    case PROP_TALK:
      self->talk = g_value_dup_object (value);
      break;

    case PROP_ZONE:
      oc3_talk_page_set_display_zone (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_talk_page_class_init (Oc3TalkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = oc3_talk_page_constructed;
  object_class->dispose = oc3_talk_page_dispose;
  object_class->finalize = oc3_talk_page_finalize;
  object_class->get_property = oc3_talk_page_get_property;
  object_class->set_property = oc3_talk_page_set_property;

  properties[PROP_CONFERENCE] =
    g_param_spec_object ("conference", NULL, NULL, OC3_TYPE_CONFERENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TALK] =
    g_param_spec_object ("talk", NULL, NULL, OC3_TYPE_TALK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The zone times are shown in; the conference's zone when unset. */
  properties[PROP_ZONE] =
    g_param_spec_boxed ("zone", NULL, NULL, G_TYPE_TIME_ZONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PERSON_ACTIVATED] =
    g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_PERSON);

  g_type_ensure (OC3_TYPE_COLOR_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-talk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, header_end_box);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, notice_banner);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, copy_link_button);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, do_not_record_box);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, time_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, time_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, other_times_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, room_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, room_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, track_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, track_swatch);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, track_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, type_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, language_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, speakers_box);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, speakers_list);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, text_box);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, abstract_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, links_box);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, links_list);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, attachments_box);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkPage, attachments_list);
  gtk_widget_class_bind_template_callback (widget_class, speaker_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, oc3_uri_launch_activate_link_cb);

  gtk_widget_class_install_action (widget_class, "talk.copy-link", NULL, copy_link_action);
}

static void
oc3_talk_page_init (Oc3TalkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * oc3_talk_page_set_notice:
 * @text: (nullable): what the page must say first (e.g. that this starred
 *   talk overlaps another), or %NULL for nothing
 */
void
oc3_talk_page_set_notice (Oc3TalkPage *self,
                          const char  *text)
{
  g_return_if_fail (OC3_IS_TALK_PAGE (self));

  adw_banner_set_title (self->notice_banner, text != NULL ? text : "");
  adw_banner_set_revealed (self->notice_banner, text != NULL && *text != '\0');
}
