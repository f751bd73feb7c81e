/* oc3-talk-block.c — one talk in the timeline: a block as tall as the talk is
 * long, in its track's colour, that opens the talk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "oc3-star-gesture.h"
#include "oc3-talk-block.h"
#include "oc3-talk-format.h"
#include "oc3-time.h"

/* The least height a block asks for: a zero-length talk still shows a line. */
#define MIN_HEIGHT 20

/* A button, so that keyboards, screen readers (its "click" action) and
 * pointers open the talk the same way. */
struct _Oc3TalkBlock
{
  GtkButton parent_instance;

  Oc3Talk   *talk;
  GTimeZone *zone;
  GdkRGBA    color;
  gboolean   show_speakers;

  GtkLabel  *time_label;
  GtkLabel  *title_label;
  GtkLabel  *speakers_label;
  GtkImage  *star_image;
  GtkLabel  *changed_label;
};

G_DEFINE_FINAL_TYPE (Oc3TalkBlock, oc3_talk_block, GTK_TYPE_BUTTON)

static void
update_labels (Oc3TalkBlock *self)
{
  g_autofree char *range = oc3_time_format_range (oc3_talk_get_start (self->talk),
                                                  oc3_talk_get_end (self->talk), self->zone);
  g_autofree char *speakers = oc3_talk_format_speakers (self->talk);
  g_autofree char *accessible = oc3_talk_format_accessible_summary (self->talk, self->zone);
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (self->time_label, range);
  gtk_label_set_text (self->title_label, oc3_talk_get_title (self->talk));
  gtk_label_set_text (self->speakers_label, speakers);
  gtk_widget_set_visible (GTK_WIDGET (self->speakers_label), self->show_speakers && speakers[0] != '\0');

  /* Short talks show less than their title: the tooltip has all of it. */
  tooltip = g_strdup_printf ("%s\n%s", oc3_talk_get_title (self->talk), range);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

GtkWidget *
oc3_talk_block_new (Oc3Talk   *talk,
                    GTimeZone *zone)
{
  Oc3TalkBlock *self;

  g_return_val_if_fail (OC3_IS_TALK (talk), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (OC3_TYPE_TALK_BLOCK, NULL);
  oc3_talk_block_set_talk (self, talk, zone);

  return GTK_WIDGET (self);
}

/* Blocks are reused from day to day: switching days only rebinds them. */
void
oc3_talk_block_set_talk (Oc3TalkBlock *self,
                         Oc3Talk      *talk,
                         GTimeZone    *zone)
{
  GTimeSpan minutes;

  g_return_if_fail (OC3_IS_TALK_BLOCK (self));
  g_return_if_fail (OC3_IS_TALK (talk));

  g_set_object (&self->talk, talk);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  if (!gdk_rgba_parse (&self->color, oc3_talk_get_color (talk)))
    gdk_rgba_parse (&self->color, "#9a9996");

  /* Short talks show less: the title on fewer lines, then no speakers. */
  minutes = oc3_talk_get_duration (talk) / G_TIME_SPAN_MINUTE;
  gtk_label_set_lines (self->title_label, minutes <= 20 ? 1 : minutes <= 40 ? 2 : 4);
  self->show_speakers = minutes > 20;
  gtk_widget_set_visible (GTK_WIDGET (self->star_image), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->changed_label), FALSE);

  update_labels (self);
}

gboolean
oc3_talk_block_get_starred (Oc3TalkBlock *self)
{
  g_return_val_if_fail (OC3_IS_TALK_BLOCK (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->star_image));
}

gboolean
oc3_talk_block_get_changed (Oc3TalkBlock *self)
{
  g_return_val_if_fail (OC3_IS_TALK_BLOCK (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->changed_label));
}

/* Marks a talk the last refresh changed, until its page has been seen. */
void
oc3_talk_block_set_changed (Oc3TalkBlock *self,
                            gboolean      changed)
{
  g_return_if_fail (OC3_IS_TALK_BLOCK (self));

  gtk_widget_set_visible (GTK_WIDGET (self->changed_label), changed);
}

Oc3Talk *
oc3_talk_block_get_talk (Oc3TalkBlock *self)
{
  g_return_val_if_fail (OC3_IS_TALK_BLOCK (self), NULL);

  return self->talk;
}

void
oc3_talk_block_set_zone (Oc3TalkBlock *self,
                         GTimeZone    *zone)
{
  g_return_if_fail (OC3_IS_TALK_BLOCK (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  update_labels (self);
}

void
oc3_talk_block_set_starred (Oc3TalkBlock *self,
                            gboolean      starred)
{
  g_return_if_fail (OC3_IS_TALK_BLOCK (self));

  gtk_widget_set_visible (GTK_WIDGET (self->star_image), starred);
}

/* A block is as tall as its talk is long, however much text it holds: it
 * asks for little height, gives its content what that needs, and clips. */
static void
oc3_talk_block_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = MIN (*minimum, MIN_HEIGHT);
}

static void
oc3_talk_block_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_minimum;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_minimum, NULL, NULL, NULL);
  gtk_widget_allocate (child, width, MAX (height, child_minimum), -1, NULL);
}

static void
oc3_talk_block_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  Oc3TalkBlock *self = OC3_TALK_BLOCK (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fill = self->color;
  GskRoundedRect outline;

  /* A tint of the track colour keeps text readable in light and dark styles;
   * the full colour marks the block's left edge. A rounded fill and a
   * border: shapes the renderer draws without clipping. */
  fill.alpha = dark ? 0.30f : 0.22f;
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill, &outline.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 0, 0, 0, 4 },
                              (GdkRGBA[4]) { self->color, self->color, self->color, self->color });

  /* Text that does not fit stops at the block's edge. Only then is there a
   * clip: a clip over text costs the renderer a program of its own. */
  if (gtk_widget_get_height (gtk_widget_get_first_child (widget)) > height)
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      GTK_WIDGET_CLASS (oc3_talk_block_parent_class)->snapshot (widget, snapshot);
      gtk_snapshot_pop (snapshot);
    }
  else
    GTK_WIDGET_CLASS (oc3_talk_block_parent_class)->snapshot (widget, snapshot);
}

static void
oc3_talk_block_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_TALK_BLOCK);

  G_OBJECT_CLASS (oc3_talk_block_parent_class)->dispose (object);
}

static void
oc3_talk_block_finalize (GObject *object)
{
  Oc3TalkBlock *self = OC3_TALK_BLOCK (object);

  g_clear_object (&self->talk);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_talk_block_parent_class)->finalize (object);
}

static void
oc3_talk_block_class_init (Oc3TalkBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_talk_block_dispose;
  object_class->finalize = oc3_talk_block_finalize;
  widget_class->snapshot = oc3_talk_block_snapshot;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-talk-block.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkBlock, time_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkBlock, title_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkBlock, speakers_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkBlock, star_image);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkBlock, changed_label);

  widget_class->measure = oc3_talk_block_measure;
  widget_class->size_allocate = oc3_talk_block_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "talkblock");
}

static const char *
block_guid (GtkWidget *widget)
{
  Oc3TalkBlock *self = OC3_TALK_BLOCK (widget);

  return self->talk != NULL ? oc3_talk_get_guid (self->talk) : NULL;
}

static void
oc3_talk_block_init (Oc3TalkBlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  oc3_star_gesture_add (GTK_WIDGET (self), block_guid);

  /* Sized by its own measure and allocate (as tall as the talk is long),
   * not by the button's layout. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}
