/* oc3-timeline.c — one conference day as a grid: rooms as columns, time
 * flowing down, each talk a block as tall as it is long.
 *
 * Only the talks of the shown day get a widget; empty time is drawn, never
 * built from widgets, so that a day with 58 rooms stays light.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-room.h"
#include "oc3-talk-block.h"
#include "oc3-talk-format.h"
#include "oc3-time.h"
#include "oc3-timeline.h"

#define RULER_WIDTH       64
#define HEADER_HEIGHT     40
#define COLUMN_WIDTH      220
#define MIN_COLUMN_WIDTH  150
#define PIXELS_PER_MINUTE 2.4
#define BLOCK_GAP         2
#define MIN_BLOCK_HEIGHT  22
#define MIN_BREAK_MINUTES 15

typedef struct
{
  Oc3TalkBlock *block;
  gint64        start;   /* seconds since the Unix epoch */
  gint64        end;
  guint         column;
  guint         lane;
  guint         n_lanes;
} Placement;

typedef struct
{
  gint64 start;
  gint64 end;
} Interval;

struct _Oc3Timeline
{
  GtkWidget  parent_instance;

  GTimeZone *zone;
  GPtrArray *placements;    /* Placement*, sorted by column, then start */
  GPtrArray *column_names;  /* char* */
  GArray    *breaks;        /* Interval: time when no room has a talk */
  GPtrArray *spare_blocks;  /* Oc3TalkBlock, unparented, for the next day */
  gint64     range_start;
  gint64     range_end;
  gint64     now;           /* 0: not set */
};

G_DEFINE_FINAL_TYPE (Oc3Timeline, oc3_timeline, GTK_TYPE_WIDGET)

enum {
  TALK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
oc3_timeline_new (void)
{
  return g_object_new (OC3_TYPE_TIMELINE, NULL);
}

static double
y_for_seconds (Oc3Timeline *self,
               gint64       seconds)
{
  return HEADER_HEIGHT + (seconds - self->range_start) / 60.0 * PIXELS_PER_MINUTE;
}

int
oc3_timeline_get_y_for_time (Oc3Timeline *self,
                             GDateTime   *instant)
{
  g_return_val_if_fail (OC3_IS_TIMELINE (self), 0);

  return (int) y_for_seconds (self, CLAMP (g_date_time_to_unix (instant),
                                           self->range_start, self->range_end));
}

/* The blocks are kept for the next day: building a widget costs more than
 * giving it another talk. */
static void
clear_day (Oc3Timeline *self)
{
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      g_ptr_array_add (self->spare_blocks, g_object_ref (placement->block));
      gtk_widget_unparent (GTK_WIDGET (placement->block));
    }
  g_ptr_array_set_size (self->placements, 0);
  g_ptr_array_set_size (self->column_names, 0);
  g_array_set_size (self->breaks, 0);
}

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const Placement *pa = *(Placement **) a;
  const Placement *pb = *(Placement **) b;

  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  if (pa->start != pb->start)
    return pa->start < pb->start ? -1 : 1;
  return pa->end < pb->end ? -1 : pa->end > pb->end;
}

/* Talks that overlap in one room share its column side by side: each group of
 * overlapping talks is split into as many lanes as it needs at most. */
static void
assign_lanes (Oc3Timeline *self)
{
  guint group_begin = 0;

  while (group_begin < self->placements->len)
    {
      Placement *first = g_ptr_array_index (self->placements, group_begin);
      g_autoptr (GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 group_end = first->end;
      guint group_stop = group_begin;

      while (group_stop < self->placements->len)
        {
          Placement *placement = g_ptr_array_index (self->placements, group_stop);
          guint lane;

          if (placement->column != first->column || placement->start >= group_end)
            break;

          for (lane = 0; lane < lane_ends->len; lane++)
            if (g_array_index (lane_ends, gint64, lane) <= placement->start)
              break;
          if (lane == lane_ends->len)
            g_array_append_val (lane_ends, placement->end);
          else
            g_array_index (lane_ends, gint64, lane) = placement->end;

          placement->lane = lane;
          /* A zero-length talk still takes room on screen. */
          group_end = MAX (group_end, MAX (placement->end, placement->start + 60));
          group_stop++;
        }

      for (guint i = group_begin; i < group_stop; i++)
        ((Placement *) g_ptr_array_index (self->placements, i))->n_lanes = lane_ends->len;

      group_begin = group_stop;
    }
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const Interval *ia = a;
  const Interval *ib = b;

  return ia->start < ib->start ? -1 : ia->start > ib->start;
}

/* Breaks: stretches of the day when no room has a talk. */
static void
find_breaks (Oc3Timeline *self)
{
  g_autoptr (GArray) intervals = g_array_new (FALSE, FALSE, sizeof (Interval));
  gint64 covered_until;

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);
      Interval interval = { placement->start, placement->end };

      g_array_append_val (intervals, interval);
    }
  if (intervals->len == 0)
    return;

  g_array_sort (intervals, compare_intervals);
  covered_until = g_array_index (intervals, Interval, 0).end;
  for (guint i = 1; i < intervals->len; i++)
    {
      Interval *interval = &g_array_index (intervals, Interval, i);

      if (interval->start - covered_until >= MIN_BREAK_MINUTES * 60)
        {
          Interval gap = { covered_until, interval->start };

          g_array_append_val (self->breaks, gap);
        }
      covered_until = MAX (covered_until, interval->end);
    }
}

static gint64
floor_to_hour (gint64     seconds,
               GTimeZone *zone)
{
  g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (seconds);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (instant, zone);
  gint64 offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND;

  return (seconds + offset) / 3600 * 3600 - offset;
}

static void
add_column (Oc3Timeline *self,
            GHashTable  *column_of_room,
            const char  *name)
{
  if (g_hash_table_contains (column_of_room, name))
    return;

  g_hash_table_insert (column_of_room, (gpointer) name, GUINT_TO_POINTER (self->column_names->len));
  g_ptr_array_add (self->column_names, g_strdup (name));
}

/* Columns in the program's room order, for the rooms in use that day; rooms
 * that talks name but the room list lacks come last, in talk order. Returns
 * room name → column. */
static GHashTable *
build_columns (Oc3Timeline   *self,
               Oc3Conference *conference,
               GListModel    *talks)
{
  GListModel *rooms = oc3_conference_get_rooms (conference);
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *column_of_room = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_talks = g_list_model_get_n_items (talks);

  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);

      g_hash_table_add (used, (gpointer) oc3_talk_get_room_name (talk));
    }

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr (Oc3Room) room = g_list_model_get_item (rooms, i);

      if (g_hash_table_contains (used, oc3_room_get_name (room)))
        add_column (self, column_of_room, oc3_room_get_name (room));
    }

  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);

      add_column (self, column_of_room, oc3_talk_get_room_name (talk));
    }

  return column_of_room;
}

static void
block_activate_cb (Oc3Timeline  *self,
                   Oc3TalkBlock *block)
{
  g_signal_emit (self, signals[TALK_ACTIVATED], 0, oc3_talk_block_get_talk (block));
}

void
oc3_timeline_set_day (Oc3Timeline   *self,
                      Oc3Conference *conference,
                      Oc3Day        *day,
                      GTimeZone     *zone)
{
  GListModel *talks;
  g_autoptr (GHashTable) column_of_room = NULL;
  guint n_talks;

  g_return_if_fail (OC3_IS_TIMELINE (self));

  clear_day (self);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  self->range_start = self->range_end = 0;

  if (day == NULL)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  talks = oc3_day_get_talks (day);
  n_talks = g_list_model_get_n_items (talks);
  column_of_room = build_columns (self, conference, talks);

  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);
      Placement *placement = g_new0 (Placement, 1);

      placement->start = g_date_time_to_unix (oc3_talk_get_start (talk));
      placement->end = MAX (placement->start, g_date_time_to_unix (oc3_talk_get_end (talk)));
      placement->column = GPOINTER_TO_UINT (g_hash_table_lookup (column_of_room,
                                                                 oc3_talk_get_room_name (talk)));
      if (self->spare_blocks->len > 0)
        {
          placement->block = g_ptr_array_steal_index_fast (self->spare_blocks, self->spare_blocks->len - 1);
          oc3_talk_block_set_talk (placement->block, talk, zone);
          gtk_widget_set_parent (GTK_WIDGET (placement->block), GTK_WIDGET (self));
          g_object_unref (placement->block);
        }
      else
        {
          placement->block = OC3_TALK_BLOCK (oc3_talk_block_new (talk, zone));
          gtk_widget_set_parent (GTK_WIDGET (placement->block), GTK_WIDGET (self));
          g_signal_connect_object (placement->block, "clicked",
                                   G_CALLBACK (block_activate_cb), self, G_CONNECT_SWAPPED);
        }
      g_ptr_array_add (self->placements, placement);

      if (i == 0 || placement->start < self->range_start)
        self->range_start = placement->start;
      self->range_end = MAX (self->range_end, MAX (placement->end, placement->start + 60));
    }

  g_ptr_array_sort (self->placements, compare_placements);
  assign_lanes (self);

  if (self->placements->len > 0)
    {
      self->range_start = floor_to_hour (self->range_start, zone);
      self->range_end = floor_to_hour (self->range_end + 3599, zone);
    }
  find_breaks (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
oc3_timeline_set_zone (Oc3Timeline *self,
                       GTimeZone   *zone)
{
  g_return_if_fail (OC3_IS_TIMELINE (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      oc3_talk_block_set_zone (placement->block, zone);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
oc3_timeline_set_now (Oc3Timeline *self,
                      GDateTime   *now)
{
  g_return_if_fail (OC3_IS_TIMELINE (self));

  self->now = now != NULL ? g_date_time_to_unix (now) : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
oc3_timeline_get_n_blocks (Oc3Timeline *self)
{
  g_return_val_if_fail (OC3_IS_TIMELINE (self), 0);

  return self->placements->len;
}

GtkWidget *
oc3_timeline_get_block (Oc3Timeline *self,
                        guint        position)
{
  g_return_val_if_fail (OC3_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < self->placements->len, NULL);

  return GTK_WIDGET (((Placement *) g_ptr_array_index (self->placements, position))->block);
}

/* Marks the starred talks' blocks. */
void
oc3_timeline_update_starred (Oc3Timeline *self,
                             Oc3Agenda   *agenda)
{
  g_return_if_fail (OC3_IS_TIMELINE (self));

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);
      Oc3Talk *talk = oc3_talk_block_get_talk (placement->block);

      oc3_talk_block_set_starred (placement->block,
                                  agenda != NULL && oc3_agenda_is_starred (agenda, oc3_talk_get_guid (talk)));
    }
}

/* Marks the talks a refresh changed (GUIDs in @changed) until they are seen. */
void
oc3_timeline_update_changed (Oc3Timeline *self,
                             GHashTable  *changed)
{
  g_return_if_fail (OC3_IS_TIMELINE (self));

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);
      Oc3Talk *talk = oc3_talk_block_get_talk (placement->block);

      oc3_talk_block_set_changed (placement->block,
                                  changed != NULL && g_hash_table_contains (changed, oc3_talk_get_guid (talk)));
    }
}

GtkWidget *
oc3_timeline_find_block (Oc3Timeline *self,
                         const char  *guid)
{
  g_return_val_if_fail (OC3_IS_TIMELINE (self), NULL);

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      if (g_strcmp0 (oc3_talk_get_guid (oc3_talk_block_get_talk (placement->block)), guid) == 0)
        return GTK_WIDGET (placement->block);
    }

  return NULL;
}

/* Keyboard: Up and Down go to the previous or next talk in the same room;
 * Left and Right to the talk in the neighbouring room closest in time. */
static Placement *
find_neighbour (Oc3Timeline *self,
                Placement   *from,
                guint        keyval)
{
  Placement *best = NULL;
  gint64 best_distance = G_MAXINT64;
  int step = (keyval == GDK_KEY_Left || keyval == GDK_KEY_Up) ? -1 : 1;
  gboolean same_column = (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down);

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *candidate = g_ptr_array_index (self->placements, i);
      gint64 distance;

      if (candidate == from)
        continue;

      if (same_column)
        {
          if (candidate->column != from->column)
            continue;
          distance = (candidate->start - from->start) * step;
          if (distance < 0 || (distance == 0 && (int) candidate->lane * step <= (int) from->lane * step))
            continue;
        }
      else
        {
          int column_step = ((int) candidate->column - (int) from->column) * step;

          if (column_step <= 0)
            continue;
          /* The nearest column first, then the nearest start time. */
          distance = (gint64) column_step * G_MAXINT32 + ABS (candidate->start - from->start);
        }

      if (distance < best_distance)
        {
          best_distance = distance;
          best = candidate;
        }
    }

  return best;
}

static gboolean
key_pressed_cb (Oc3Timeline           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus;
  Placement *target;

  if (keyval != GDK_KEY_Up && keyval != GDK_KEY_Down && keyval != GDK_KEY_Left && keyval != GDK_KEY_Right)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  while (focus != NULL && !OC3_IS_TALK_BLOCK (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL)
    return GDK_EVENT_PROPAGATE;

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      if (GTK_WIDGET (placement->block) != focus)
        continue;

      target = find_neighbour (self, placement, keyval);
      if (target != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (target->block));
      /* At the edge, stay: focus leaving the grid by arrow surprises. */
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static int
column_width_for (Oc3Timeline *self,
                  int          width)
{
  guint n_columns = MAX (self->column_names->len, 1);

  return MAX (MIN_COLUMN_WIDTH, (width - RULER_WIDTH) / (int) n_columns);
}

static void
oc3_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  Oc3Timeline *self = OC3_TIMELINE (widget);
  guint n_columns = self->column_names->len;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = RULER_WIDTH + (int) n_columns * MIN_COLUMN_WIDTH;
      *natural = RULER_WIDTH + (int) n_columns * COLUMN_WIDTH;
    }
  else
    {
      *minimum = *natural = (int) y_for_seconds (self, self->range_end) + 12;
    }
}

static void
oc3_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  Oc3Timeline *self = OC3_TIMELINE (widget);
  int column_width = column_width_for (self, width);

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);
      double lane_width = (double) column_width / placement->n_lanes;
      double y = y_for_seconds (self, placement->start);
      double block_height = MAX ((placement->end - placement->start) / 60.0 * PIXELS_PER_MINUTE - BLOCK_GAP,
                                 MIN_BLOCK_HEIGHT);
      GtkAllocation allocation;

      allocation.x = RULER_WIDTH + placement->column * column_width + (int) (placement->lane * lane_width) + BLOCK_GAP;
      allocation.y = (int) y + BLOCK_GAP / 2;
      allocation.width = MAX ((int) lane_width - 2 * BLOCK_GAP, 1);
      allocation.height = (int) block_height;
      /* Blocks are as tall as their talk: they ask for little and clip the rest. */
      gtk_widget_measure (GTK_WIDGET (placement->block), GTK_ORIENTATION_VERTICAL, allocation.width,
                          NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (placement->block), &allocation, -1);
    }
}

static void
draw_text (GtkWidget   *widget,
           GtkSnapshot *snapshot,
           const char  *text,
           double       x,
           double       y,
           int          width,
           gboolean     bold,
           PangoAlignment alignment,
           const GdkRGBA *color)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
    }
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
oc3_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  Oc3Timeline *self = OC3_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int column_width = column_width_for (self, width);
  int grid_right = RULER_WIDTH + (int) self->column_names->len * column_width;
  GdkRGBA foreground;
  GdkRGBA line, faint_line, shade, dim, now_color = { 0.878f, 0.106f, 0.141f, 1.0f };

  if (self->placements->len == 0)
    return;

  gtk_widget_get_color (widget, &foreground);
  line = faint_line = shade = dim = foreground;
  line.alpha = 0.15f;
  faint_line.alpha = 0.06f;
  shade.alpha = 0.05f;
  dim.alpha = 0.6f;

  /* Breaks, shaded across every room and named. */
  for (guint i = 0; i < self->breaks->len; i++)
    {
      Interval *gap = &g_array_index (self->breaks, Interval, i);
      double top = y_for_seconds (self, gap->start);
      double bottom = y_for_seconds (self, gap->end);

      gtk_snapshot_append_color (snapshot, &shade,
                                 &GRAPHENE_RECT_INIT (RULER_WIDTH, top, grid_right - RULER_WIDTH, bottom - top));
      if (bottom - top >= 20)
        draw_text (widget, snapshot, _("Break"), RULER_WIDTH + 8, top + 4,
                   MIN (column_width, 200) - 16, FALSE, PANGO_ALIGN_LEFT, &dim);
    }

  /* Hour and half-hour lines, with the hours on the ruler. */
  for (gint64 t = self->range_start; t <= self->range_end; t += 1800)
    {
      double y = y_for_seconds (self, t);
      gboolean full_hour = ((t - self->range_start) % 3600) == 0;

      gtk_snapshot_append_color (snapshot, full_hour ? &line : &faint_line,
                                 &GRAPHENE_RECT_INIT (full_hour ? 0 : RULER_WIDTH, y, grid_right, 1));
      if (full_hour && t < self->range_end)
        {
          g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (t);
          g_autofree char *label = oc3_time_format_clock (instant, self->zone);

          draw_text (widget, snapshot, label, 4, y + 2, RULER_WIDTH - 12, FALSE, PANGO_ALIGN_RIGHT, &dim);
        }
    }

  /* Room names over their columns, and the lines between the columns. */
  for (guint i = 0; i < self->column_names->len; i++)
    {
      int x = RULER_WIDTH + (int) i * column_width;

      gtk_snapshot_append_color (snapshot, &faint_line,
                                 &GRAPHENE_RECT_INIT (x, 0, 1, y_for_seconds (self, self->range_end)));
      draw_text (widget, snapshot, g_ptr_array_index (self->column_names, i), x + 6, 10,
                 column_width - 12, TRUE, PANGO_ALIGN_CENTER, &foreground);
    }

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      gtk_widget_snapshot_child (widget, GTK_WIDGET (placement->block), snapshot);
    }

  /* The "now" line, over the talks. */
  if (self->now >= self->range_start && self->now <= self->range_end)
    {
      double y = y_for_seconds (self, self->now);
      GskRoundedRect dot;

      gtk_snapshot_append_color (snapshot, &now_color,
                                 &GRAPHENE_RECT_INIT (RULER_WIDTH - 4, y - 1, grid_right - RULER_WIDTH + 4, 2));
      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (RULER_WIDTH - 10, y - 5, 10, 10), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &now_color, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
oc3_timeline_dispose (GObject *object)
{
  Oc3Timeline *self = OC3_TIMELINE (object);

  if (self->placements != NULL)
    clear_day (self);
  g_clear_pointer (&self->spare_blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (oc3_timeline_parent_class)->dispose (object);
}

static void
oc3_timeline_finalize (GObject *object)
{
  Oc3Timeline *self = OC3_TIMELINE (object);

  g_clear_pointer (&self->placements, g_ptr_array_unref);
  g_clear_pointer (&self->column_names, g_ptr_array_unref);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_timeline_parent_class)->finalize (object);
}

static void
oc3_timeline_class_init (Oc3TimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_timeline_dispose;
  object_class->finalize = oc3_timeline_finalize;
  widget_class->measure = oc3_timeline_measure;
  widget_class->size_allocate = oc3_timeline_size_allocate;
  widget_class->snapshot = oc3_timeline_snapshot;

  /**
   * Oc3Timeline::talk-activated:
   * @talk: the talk the user opened
   */
  signals[TALK_ACTIVATED] =
    g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_TALK);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
oc3_timeline_init (Oc3Timeline *self)
{
  GtkEventController *keys;

  self->placements = g_ptr_array_new_with_free_func (g_free);
  self->column_names = g_ptr_array_new_with_free_func (g_free);
  self->breaks = g_array_new (FALSE, FALSE, sizeof (Interval));
  self->spare_blocks = g_ptr_array_new_with_free_func (g_object_unref);
  self->zone = g_time_zone_new_utc ();

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
