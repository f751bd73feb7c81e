/* oc3-speaker-page.c — one speaker: who they are, and their talks, by day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-markup.h"
#include "oc3-speaker-page.h"
#include "oc3-talk-day.h"
#include "oc3-talk-format.h"
#include "oc3-talk-row.h"
#include "oc3-uri-launch.h"

struct _Oc3SpeakerPage
{
  AdwNavigationPage parent_instance;

  Oc3Conference     *conference;
  Oc3Person         *person;
  GTimeZone         *display_zone;

  Oc3TalkStarredFunc starred_func;
  gpointer           starred_data;
  GDestroyNotify     starred_destroy;

  /* The talk rows, in order; owned by the widget tree. */
  GPtrArray         *talk_rows;

  GtkLabel          *name_label;
  GtkLabel          *details_label;
  GtkLabel          *biography_label;
  GtkWidget         *talks_box;
  GtkBox            *days_box;
};

G_DEFINE_FINAL_TYPE (Oc3SpeakerPage, oc3_speaker_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CONFERENCE,
  PROP_PERSON,
  PROP_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TALK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
update_row (Oc3SpeakerPage *self,
            Oc3TalkRow     *talk_row)
{
  Oc3Talk *talk = oc3_talk_row_get_talk (talk_row);
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (talk_row));

  oc3_talk_row_set_talk (talk_row, talk, self->display_zone);
  oc3_talk_row_set_starred (talk_row, self->starred_func != NULL && self->starred_func (talk, self->starred_data));

  /* The list row is what takes the focus, so it is what screen readers name. */
  accessible = oc3_talk_format_accessible_summary (talk, self->display_zone);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
talk_row_activated_cb (Oc3SpeakerPage *self,
                       GtkListBoxRow  *row)
{
  Oc3TalkRow *talk_row = OC3_TALK_ROW (gtk_list_box_row_get_child (row));

  g_signal_emit (self, signals[TALK_ACTIVATED], 0, oc3_talk_row_get_talk (talk_row));
}

/* A date, then the talks that day in a boxed list. */
static GtkListBox *
add_day (Oc3SpeakerPage *self,
         const char     *date)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (date);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (talk_row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (self->days_box, box);

  return GTK_LIST_BOX (list);
}

static void
fill (Oc3SpeakerPage *self)
{
  Oc3Person *person = self->person;
  const char *name = oc3_person_get_name (person);
  const char *affiliation = oc3_person_get_affiliation (person);
  const char *role = oc3_person_get_role (person);
  const char *biography = oc3_person_get_biography (person);
  const char *id = oc3_person_get_id (person);
  GListModel *talks = oc3_person_get_talks (person);
  g_autofree char *details = NULL;
  g_autofree char *biography_markup = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *previous_date = NULL;
  GtkListBox *list = NULL;

  /* Tags share one namespace with the talk pages' (talk guids). */
  tag = g_strdup_printf ("speaker:%s", !is_empty (id) ? id : name);
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), name);
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (self), tag);

  gtk_label_set_text (self->name_label, name);

  if (!is_empty (role) && !is_empty (affiliation))
    /* Translators: a speaker's role at their organization, e.g. "CTO, Example Corp". */
    details = g_strdup_printf (_("%s, %s"), role, affiliation);
  else
    details = g_strdup (!is_empty (affiliation) ? affiliation : role);
  gtk_label_set_text (self->details_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), !is_empty (details));

  if (!is_empty (biography))
    biography_markup = oc3_markup_from_program_text (biography);
  gtk_label_set_markup (self->biography_label, biography_markup != NULL ? biography_markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->biography_label), !is_empty (biography_markup));

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);
      g_autofree char *date = oc3_talk_format_day (talk, self->conference);
      GtkWidget *talk_row = oc3_talk_row_new ();
      GtkWidget *row = gtk_list_box_row_new ();

      if (list == NULL || g_strcmp0 (date, previous_date) != 0)
        {
          list = add_day (self, date);
          g_set_str (&previous_date, date);
        }

      oc3_talk_row_set_talk (OC3_TALK_ROW (talk_row), talk, self->display_zone);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), talk_row);
      gtk_list_box_append (list, row);
      g_ptr_array_add (self->talk_rows, talk_row);
      update_row (self, OC3_TALK_ROW (talk_row));
    }

  gtk_widget_set_visible (self->talks_box, self->talk_rows->len > 0);
}

static void
update_rows (Oc3SpeakerPage *self)
{
  for (guint i = 0; i < self->talk_rows->len; i++)
    update_row (self, g_ptr_array_index (self->talk_rows, i));
}

Oc3SpeakerPage *
oc3_speaker_page_new (Oc3Conference *conference,
                      Oc3Person     *person,
                      GTimeZone     *display_zone)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (OC3_IS_PERSON (person), NULL);

  return g_object_new (OC3_TYPE_SPEAKER_PAGE,
                       "conference", conference,
                       "person", person,
                       "zone", display_zone,
                       NULL);
}

Oc3Person *
oc3_speaker_page_get_person (Oc3SpeakerPage *self)
{
  g_return_val_if_fail (OC3_IS_SPEAKER_PAGE (self), NULL);

  return self->person;
}

/* %NULL means the conference's own zone. */
void
oc3_speaker_page_set_display_zone (Oc3SpeakerPage *self,
                                   GTimeZone      *display_zone)
{
  g_return_if_fail (OC3_IS_SPEAKER_PAGE (self));

  if (display_zone == NULL && self->conference != NULL)
    display_zone = oc3_conference_get_time_zone (self->conference);
  if (display_zone == NULL || display_zone == self->display_zone)
    return;

  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  self->display_zone = g_time_zone_ref (display_zone);
  update_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

/**
 * oc3_speaker_page_set_starred_func:
 * @self: a #Oc3SpeakerPage
 * @func: (nullable): tells which talks are starred; %NULL shows none starred
 * @user_data: passed to @func
 * @destroy: (nullable): frees @user_data when the page no longer needs it
 */
void
oc3_speaker_page_set_starred_func (Oc3SpeakerPage     *self,
                                   Oc3TalkStarredFunc  func,
                                   gpointer            user_data,
                                   GDestroyNotify      destroy)
{
  g_return_if_fail (OC3_IS_SPEAKER_PAGE (self));

  if (self->starred_destroy != NULL)
    self->starred_destroy (self->starred_data);

  self->starred_func = func;
  self->starred_data = user_data;
  self->starred_destroy = destroy;
  update_rows (self);
}

/* Call when stars change, so that the rows show them. */
void
oc3_speaker_page_refresh_starred (Oc3SpeakerPage *self)
{
  g_return_if_fail (OC3_IS_SPEAKER_PAGE (self));

  update_rows (self);
}

static void
oc3_speaker_page_constructed (GObject *object)
{
  Oc3SpeakerPage *self = OC3_SPEAKER_PAGE (object);

  G_OBJECT_CLASS (oc3_speaker_page_parent_class)->constructed (object);

  g_return_if_fail (self->conference != NULL && self->person != NULL);

  if (self->display_zone == NULL)
    self->display_zone = g_time_zone_ref (oc3_conference_get_time_zone (self->conference));

  fill (self);
}

static void
oc3_speaker_page_dispose (GObject *object)
{
  Oc3SpeakerPage *self = OC3_SPEAKER_PAGE (object);

  g_ptr_array_set_size (self->talk_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_SPEAKER_PAGE);
  g_clear_object (&self->person);
  g_clear_object (&self->conference);

  if (self->starred_destroy != NULL)
    self->starred_destroy (self->starred_data);
  self->starred_func = NULL;
  self->starred_data = NULL;
  self->starred_destroy = NULL;

  G_OBJECT_CLASS (oc3_speaker_page_parent_class)->dispose (object);
}

static void
oc3_speaker_page_finalize (GObject *object)
{
  Oc3SpeakerPage *self = OC3_SPEAKER_PAGE (object);

  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  g_clear_pointer (&self->talk_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (oc3_speaker_page_parent_class)->finalize (object);
}

static void
oc3_speaker_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  Oc3SpeakerPage *self = OC3_SPEAKER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      g_value_set_object (value, self->conference);
      break;

    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_ZONE:
      g_value_set_boxed (value, self->display_zone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_speaker_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  Oc3SpeakerPage *self = OC3_SPEAKER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      self->conference = g_value_dup_object (value);
      break;

    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;

    case PROP_ZONE:
      oc3_speaker_page_set_display_zone (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_speaker_page_class_init (Oc3SpeakerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = oc3_speaker_page_constructed;
  object_class->dispose = oc3_speaker_page_dispose;
  object_class->finalize = oc3_speaker_page_finalize;
  object_class->get_property = oc3_speaker_page_get_property;
  object_class->set_property = oc3_speaker_page_set_property;

  properties[PROP_CONFERENCE] =
    g_param_spec_object ("conference", NULL, NULL, OC3_TYPE_CONFERENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, OC3_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The zone times are shown in; the conference's zone when unset. */
  properties[PROP_ZONE] =
    g_param_spec_boxed ("zone", NULL, NULL, G_TYPE_TIME_ZONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TALK_ACTIVATED] =
    g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_TALK);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-speaker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakerPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakerPage, biography_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakerPage, talks_box);
  gtk_widget_class_bind_template_child (widget_class, Oc3SpeakerPage, days_box);
  gtk_widget_class_bind_template_callback (widget_class, oc3_uri_launch_activate_link_cb);
}

static void
oc3_speaker_page_init (Oc3SpeakerPage *self)
{
  self->talk_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
