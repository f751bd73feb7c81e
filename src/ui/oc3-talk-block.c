/* oc3-talk-block.c — one talk in the timeline: a block as tall as the talk is
 * long, in its track's colour, that opens the talk.
 *
 * The time, title and speakers are drawn as text rather than held in labels:
 * a day shows dozens of blocks, and each label is a widget to build, style
 * and lay out. The text is fitted to the block: the title gets the lines the
 * block has room for (up to what its length suggests), the speakers a line
 * if one is left, and nothing is drawn cut in half. Only the marks (changed,
 * starred) are widgets, and they are hidden most of the time.
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
#define MIN_HEIGHT     20
#define MARGIN_START   10
#define MARGIN_END     6
#define RADIUS         6   /* of the block's corners */
#define EDGE_WIDTH     4   /* of its left edge in the track colour */
#define MARGIN_TOP     3
#define MARGIN_BOTTOM  3
#define SPACING        1
/* libadwaita's .caption next to the body text: 9 pt against 11 pt. */
#define CAPTION_SCALE  (9.0 / 11.0)
/* Between the time and the marks after it. */
#define MARKS_SPACING  4
/* libadwaita's .dim-label. */
#define DIM_ALPHA      0.55f

/* A button, so that keyboards, screen readers (its "click" action) and
 * pointers open the talk the same way. Its accessible name says all the
 * text shows. */
struct _Oc3TalkBlock
{
  GtkButton    parent_instance;

  Oc3Talk     *talk;
  GTimeZone   *zone;
  GdkRGBA      color;
  guint        max_title_lines;
  gboolean     show_speakers;

  /* The text, laid out for layout_width × layout_height; NULL when it must
   * be laid out again, or does not fit. */
  PangoLayout *time_layout;
  PangoLayout *title_layout;
  PangoLayout *speakers_layout;
  int          layout_width;
  int          layout_height;
  int          title_y;
  int          speakers_y;

  GtkWidget   *marks_box;  /* the button's child */
  GtkImage    *star_image;
  GtkLabel    *changed_label;
};

G_DEFINE_FINAL_TYPE (Oc3TalkBlock, oc3_talk_block, GTK_TYPE_BUTTON)

static void
invalidate_text (Oc3TalkBlock *self)
{
  g_clear_object (&self->time_layout);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->speakers_layout);
  self->layout_width = self->layout_height = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (Oc3TalkBlock *self)
{
  g_autofree char *range = oc3_time_format_range (oc3_talk_get_start (self->talk),
                                                  oc3_talk_get_end (self->talk), self->zone);
  g_autofree char *accessible = oc3_talk_format_accessible_summary (self->talk, self->zone);
  /* Short talks show less than their title: the tooltip has all of it. */
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s", oc3_talk_get_title (self->talk), range);

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
  self->max_title_lines = minutes <= 20 ? 1 : minutes <= 40 ? 2 : 4;
  self->show_speakers = minutes > 20;
  gtk_widget_set_visible (GTK_WIDGET (self->star_image), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->changed_label), FALSE);

  update_accessible (self);
  invalidate_text (self);
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

  if (changed == gtk_widget_get_visible (GTK_WIDGET (self->changed_label)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->changed_label), changed);
  /* The time gives the marks room. */
  invalidate_text (self);
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
  update_accessible (self);
  invalidate_text (self);
}

void
oc3_talk_block_set_starred (Oc3TalkBlock *self,
                            gboolean      starred)
{
  g_return_if_fail (OC3_IS_TALK_BLOCK (self));

  if (starred == gtk_widget_get_visible (GTK_WIDGET (self->star_image)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->star_image), starred);
  invalidate_text (self);
}

static PangoLayout *
new_layout (Oc3TalkBlock *self,
            const char   *text,
            int           width,
            gboolean      caption,
            gboolean      bold,
            gboolean      tabular)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();

  if (caption)
    pango_attr_list_insert (attributes, pango_attr_scale_new (CAPTION_SCALE));
  if (bold)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (tabular)
    pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Lays the text out for the block's size, beside the marks as allocated:
 * whole lines only. Does nothing when that is done already. */
static void
ensure_text (Oc3TalkBlock *self,
             int           width,
             int           height)
{
  int marks_width = gtk_widget_get_width (self->marks_box);
  int content_width = width - MARGIN_START - MARGIN_END;
  int bottom = height - MARGIN_BOTTOM;
  int y = MARGIN_TOP;
  g_autofree char *range = NULL;
  g_autofree char *speakers = NULL;
  int title_height = 0;

  if (self->layout_width == width && self->layout_height == height)
    return;

  g_clear_object (&self->time_layout);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->speakers_layout);
  self->layout_width = width;
  self->layout_height = height;
  if (self->talk == NULL || content_width <= 0)
    return;

  range = oc3_time_format_range (oc3_talk_get_start (self->talk), oc3_talk_get_end (self->talk), self->zone);
  self->time_layout = new_layout (self, range, content_width - (marks_width > 0 ? marks_width + MARKS_SPACING : 0),
                                  TRUE, FALSE, TRUE);
  y += layout_height (self->time_layout) + SPACING;

  /* The title: as many lines as fit, up to what the talk's length suggests. */
  self->title_layout = new_layout (self, oc3_talk_get_title (self->talk), content_width, FALSE, TRUE, FALSE);
  pango_layout_set_wrap (self->title_layout, PANGO_WRAP_WORD_CHAR);
  for (int lines = self->max_title_lines; lines > 0; lines--)
    {
      pango_layout_set_height (self->title_layout, -lines);
      title_height = layout_height (self->title_layout);
      if (y + title_height <= bottom)
        break;
      title_height = 0;
    }
  if (title_height == 0)
    {
      g_clear_object (&self->title_layout);
      return;
    }
  self->title_y = y;
  y += title_height + SPACING;

  /* The speakers, if a line is left. */
  speakers = oc3_talk_format_speakers (self->talk);
  if (!self->show_speakers || speakers[0] == '\0')
    return;
  self->speakers_layout = new_layout (self, speakers, content_width, TRUE, FALSE, FALSE);
  if (y + layout_height (self->speakers_layout) > bottom)
    g_clear_object (&self->speakers_layout);
  else
    self->speakers_y = y;
}

/* A block is as tall as its talk is long, however much text it has: it asks
 * for little and shows what fits. */
static void
oc3_talk_block_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MARGIN_START + MARGIN_END;
  else
    *minimum = *natural = MIN_HEIGHT;
}

static void
oc3_talk_block_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  Oc3TalkBlock *self = OC3_TALK_BLOCK (widget);
  int marks_width, marks_height;

  /* The marks at the end of the time's line. */
  gtk_widget_measure (self->marks_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &marks_width, NULL, NULL);
  marks_width = MIN (marks_width, MAX (width - MARGIN_START - MARGIN_END, 0));
  gtk_widget_measure (self->marks_box, GTK_ORIENTATION_VERTICAL, marks_width, NULL, &marks_height, NULL, NULL);
  gtk_widget_size_allocate (self->marks_box,
                            &(GtkAllocation) { width - MARGIN_END - marks_width, MARGIN_TOP,
                                               marks_width, MIN (marks_height, MAX (height - MARGIN_TOP, 0)) },
                            -1);

  ensure_text (self, width, height);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             int            y,
             const GdkRGBA *color)
{
  if (layout == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MARGIN_START, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rounded_fill (GtkSnapshot          *snapshot,
                     const GskRoundedRect *shape,
                     const GdkRGBA        *color)
{
  gtk_snapshot_push_rounded_clip (snapshot, shape);
  gtk_snapshot_append_color (snapshot, color, &shape->bounds);
  gtk_snapshot_pop (snapshot);
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
  GdkRGBA foreground, dim;
  GskRoundedRect outline, edge;

  /* A tint of the track colour keeps text readable in light and dark styles;
   * the full colour marks the block's left edge. Both are rounded fills, which
   * the renderer draws without clipping and with a shader it has loaded
   * anyway; a border needs one more, which made the first frame 20-30 ms
   * slower in software rendering. */
  fill.alpha = dark ? 0.30f : 0.22f;
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), RADIUS);
  append_rounded_fill (snapshot, &outline, &fill);
  gsk_rounded_rect_init (&edge, &GRAPHENE_RECT_INIT (0, 0, MIN (EDGE_WIDTH, width), height),
                         &GRAPHENE_SIZE_INIT (EDGE_WIDTH, RADIUS), &GRAPHENE_SIZE_INIT (0, 0),
                         &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (EDGE_WIDTH, RADIUS));
  append_rounded_fill (snapshot, &edge, &self->color);

  /* Laid out again after a change that needed no new allocation (a zone). */
  ensure_text (self, width, height);
  gtk_widget_get_color (widget, &foreground);
  dim = foreground;
  dim.alpha *= DIM_ALPHA;
  append_text (snapshot, self->time_layout, MARGIN_TOP, &dim);
  append_text (snapshot, self->title_layout, self->title_y, &foreground);
  append_text (snapshot, self->speakers_layout, self->speakers_y, &foreground);

  /* The marks, and the focus ring and hover of the theme. */
  GTK_WIDGET_CLASS (oc3_talk_block_parent_class)->snapshot (widget, snapshot);
}

/* A new font or text size: the text is laid out again. */
static void
oc3_talk_block_system_setting_changed (GtkWidget         *widget,
                                       GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (oc3_talk_block_parent_class)->system_setting_changed (widget, setting);

  invalidate_text (OC3_TALK_BLOCK (widget));
}

static void
oc3_talk_block_dispose (GObject *object)
{
  Oc3TalkBlock *self = OC3_TALK_BLOCK (object);

  g_clear_object (&self->time_layout);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->speakers_layout);
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
  widget_class->measure = oc3_talk_block_measure;
  widget_class->size_allocate = oc3_talk_block_size_allocate;
  widget_class->snapshot = oc3_talk_block_snapshot;
  widget_class->system_setting_changed = oc3_talk_block_system_setting_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-talk-block.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkBlock, star_image);
  gtk_widget_class_bind_template_child (widget_class, Oc3TalkBlock, changed_label);

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
  self->marks_box = gtk_button_get_child (GTK_BUTTON (self));
  oc3_star_gesture_add (GTK_WIDGET (self), block_guid);
  self->layout_width = self->layout_height = -1;

  /* Sized by its own measure and allocate (as tall as the talk is long),
   * not by the button's layout. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}
