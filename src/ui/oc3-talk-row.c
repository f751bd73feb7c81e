/* oc3-talk-row.c — a talk in a list: colour of its track, time, title, room
 * and speakers, and whether it is starred.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-star-gesture.h"
#include "oc3-talk-format.h"
#include "oc3-talk-row.h"
#include "oc3-time.h"

struct _Oc3TalkRow
{
  GtkWidget parent_instance;

  Oc3Talk *talk;
  GdkRGBA  color;

  GtkDrawingArea *color_stripe;
  GtkLabel       *time_label;
  GtkLabel       *title_label;
  GtkLabel       *details_label;
  GtkImage       *star_image;
  GtkLabel       *changed_label;
};

G_DEFINE_FINAL_TYPE (Oc3TalkRow, oc3_talk_row, GTK_TYPE_WIDGET)

/* The talks the last refresh changed and the user has not opened yet (GUIDs),
 * owned by the window. Rows are made by many list views; they all mark these
 * when bound, without each view having to pass the set along. */
static GHashTable *changed_talks;

void
oc3_talk_row_set_changed_talks (GHashTable *guids)
{
  changed_talks = guids;
}

GHashTable *
oc3_talk_row_get_changed_talks (void)
{
  return changed_talks;
}

GtkWidget *
oc3_talk_row_new (void)
{
  return g_object_new (OC3_TYPE_TALK_ROW, NULL);
}

static void
draw_stripe (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  Oc3TalkRow *self = user_data;

  gdk_cairo_set_source_rgba (cr, &self->color);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

void
oc3_talk_row_set_talk (Oc3TalkRow *self,
                       Oc3Talk    *talk,
                       GTimeZone  *zone)
{
  g_autofree char *start = NULL;
  g_autofree char *speakers = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  const char *room;

  g_return_if_fail (OC3_IS_TALK_ROW (self));

  g_set_object (&self->talk, talk);
  if (talk == NULL)
    return;

  start = oc3_time_format_clock (oc3_talk_get_start (talk), zone);
  speakers = oc3_talk_format_speakers (talk);
  room = oc3_talk_get_room_name (talk);
  if (*speakers != '\0' && *room != '\0')
    /* Translators: under a talk's title in lists: "<room> · <speakers>". */
    details = g_strdup_printf (_("%s · %s"), room, speakers);
  else
    details = g_strdup (*room != '\0' ? room : speakers);

  gtk_widget_set_visible (GTK_WIDGET (self->changed_label),
                          changed_talks != NULL && g_hash_table_contains (changed_talks, oc3_talk_get_guid (talk)));
  gtk_label_set_text (self->time_label, start);
  gtk_label_set_text (self->title_label, oc3_talk_get_title (talk));
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');

  if (!gdk_rgba_parse (&self->color, oc3_talk_get_color (talk)))
    gdk_rgba_parse (&self->color, "#9a9996");
  gtk_widget_queue_draw (GTK_WIDGET (self->color_stripe));

  accessible = oc3_talk_format_accessible_summary (talk, zone);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

Oc3Talk *
oc3_talk_row_get_talk (Oc3TalkRow *self)
{
  g_return_val_if_fail (OC3_IS_TALK_ROW (self), NULL);

  return self->talk;
}

void
oc3_talk_row_set_starred (Oc3TalkRow *self,
                          gboolean    starred)
{
  g_return_if_fail (OC3_IS_TALK_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->star_image), starred);
}

static void
oc3_talk_row_dispose (GObject *object)
{
  Oc3TalkRow *self = OC3_TALK_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_TALK_ROW);
  /* The template's root box has no id: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->talk);

  G_OBJECT_CLASS (oc3_talk_row_parent_class)->dispose (object);
}

static void
oc3_talk_row_class_init (Oc3TalkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_talk_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-talk-row.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkRow, color_stripe);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkRow, star_image);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkRow, changed_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "talkrow");
}

static const char *
row_guid (GtkWidget *widget)
{
  Oc3TalkRow *self = OC3_TALK_ROW (widget);

  return self->talk != NULL ? oc3_talk_get_guid (self->talk) : NULL;
}

static void
oc3_talk_row_init (Oc3TalkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  oc3_star_gesture_add (GTK_WIDGET (self), row_guid);
  gtk_drawing_area_set_draw_func (self->color_stripe, draw_stripe, self, NULL);
}
