/* oc3-timeline.c — one conference day as a grid: rooms as columns, time
 * flowing down, each talk a block as tall as it is long.
 *
 * The timeline scrolls itself (GtkScrollable) so that it knows which part of
 * the day is on screen: only the talks there have a widget, like the rows of
 * a GtkListView. Blocks leaving the view are parked and given the next talks
 * that come into it, so a day of 58 rooms and 250 talks costs what one
 * screenful costs. Empty time, the ruler and the room names are drawn, never
 * built from widgets; the room names and the hours stay in place while the
 * grid scrolls under them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

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
/* Blocks are built a little beyond the edges of the view, so that scrolling
 * slowly shows them ready; for a new day, just after its first frame. */
#define BUILD_MARGIN      160

typedef struct
{
  Oc3Talk      *talk;
  Oc3TalkBlock *block;   /* NULL while out of view */
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
  GtkWidget      parent_instance;

  GTimeZone     *zone;
  GPtrArray     *placements;    /* Placement*, sorted by column, then start */
  GPtrArray     *column_names;  /* char* */
  GArray        *breaks;        /* Interval: time when no room has a talk */
  GPtrArray     *spare_blocks;  /* Oc3TalkBlock: children out of view, parked */
  gint64         range_start;
  gint64         range_end;
  gint64         now;           /* 0: not set */
  Oc3Agenda     *agenda;        /* marks stars on the blocks */
  GHashTable    *changed;       /* GUIDs a refresh changed */

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  int            column_width;
  guint          margin_idle_id;  /* builds the margin after a day's first frame */
  gint64         scroll_target;   /* a time to bring into view at the next layout; 0: none */

  /* Backgrounds under the room names and the hours, which stay in view. */
  GtkWidget     *header;
  GtkWidget     *ruler;
};

static void oc3_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (Oc3Timeline, oc3_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, oc3_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  TALK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
oc3_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

GtkWidget *
oc3_timeline_new (void)
{
  return g_object_new (OC3_TYPE_TIMELINE, NULL);
}

static void
placement_free (gpointer data)
{
  Placement *placement = data;

  g_clear_object (&placement->talk);
  g_free (placement);
}

static double
y_for_seconds (Oc3Timeline *self,
               gint64       seconds)
{
  return HEADER_HEIGHT + (seconds - self->range_start) / 60.0 * PIXELS_PER_MINUTE;
}

static int
column_width_for (Oc3Timeline *self,
                  int          width)
{
  guint n_columns = MAX (self->column_names->len, 1);

  return MAX (MIN_COLUMN_WIDTH, (width - RULER_WIDTH) / (int) n_columns);
}

static int
content_width (Oc3Timeline *self)
{
  return RULER_WIDTH + (int) self->column_names->len * self->column_width;
}

static int
content_height (Oc3Timeline *self)
{
  return (int) y_for_seconds (self, self->range_end) + 12;
}

/* Where a talk's block goes, in the coordinates of the whole day. */
static void
get_placement_area (Oc3Timeline  *self,
                    Placement    *placement,
                    GdkRectangle *area)
{
  double lane_width = (double) self->column_width / placement->n_lanes;
  double block_height = MAX ((placement->end - placement->start) / 60.0 * PIXELS_PER_MINUTE - BLOCK_GAP,
                             MIN_BLOCK_HEIGHT);

  area->x = RULER_WIDTH + placement->column * self->column_width + (int) (placement->lane * lane_width) + BLOCK_GAP;
  area->y = (int) y_for_seconds (self, placement->start) + BLOCK_GAP / 2;
  area->width = MAX ((int) lane_width - 2 * BLOCK_GAP, 1);
  area->height = (int) block_height;
}

/* Whole pixels: text and lines stay sharp, and blocks and grid move as one. */
static double
scroll_x (Oc3Timeline *self)
{
  return self->hadjustment != NULL ? round (gtk_adjustment_get_value (self->hadjustment)) : 0;
}

static double
scroll_y (Oc3Timeline *self)
{
  return self->vadjustment != NULL ? round (gtk_adjustment_get_value (self->vadjustment)) : 0;
}

static void
mark_block (Oc3Timeline  *self,
            Oc3TalkBlock *block)
{
  const char *guid = oc3_talk_get_guid (oc3_talk_block_get_talk (block));

  oc3_talk_block_set_starred (block, self->agenda != NULL && oc3_agenda_is_starred (self->agenda, guid));
  oc3_talk_block_set_changed (block, self->changed != NULL && g_hash_table_contains (self->changed, guid));
}

static void
block_activate_cb (Oc3Timeline  *self,
                   Oc3TalkBlock *block)
{
  g_signal_emit (self, signals[TALK_ACTIVATED], 0, oc3_talk_block_get_talk (block));
}

/* A parked block stays a child, out of sight and out of the accessibility
 * tree: re-parenting would restyle it each time. */
static void
park_block (Oc3Timeline *self,
            Placement   *placement)
{
  gtk_widget_set_child_visible (GTK_WIDGET (placement->block), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (placement->block), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  g_ptr_array_add (self->spare_blocks, placement->block);
  placement->block = NULL;
}

/* Gives the talk a block: a parked one if there is one. */
static Oc3TalkBlock *
build_block (Oc3Timeline *self,
             Placement   *placement)
{
  Oc3TalkBlock *block;

  if (placement->block != NULL)
    return placement->block;

  if (self->spare_blocks->len > 0)
    {
      block = g_ptr_array_steal_index_fast (self->spare_blocks, self->spare_blocks->len - 1);
      oc3_talk_block_set_talk (block, placement->talk, self->zone);
      gtk_accessible_update_state (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
      gtk_widget_set_child_visible (GTK_WIDGET (block), TRUE);
    }
  else
    {
      block = OC3_TALK_BLOCK (oc3_talk_block_new (placement->talk, self->zone));
      /* Below the room names and the hours, which cover what scrolls under them. */
      gtk_widget_insert_before (GTK_WIDGET (block), GTK_WIDGET (self), self->ruler);
      g_signal_connect_object (block, "clicked", G_CALLBACK (block_activate_cb), self, G_CONNECT_SWAPPED);
    }
  mark_block (self, block);
  placement->block = block;

  return block;
}

static void
clear_day (Oc3Timeline *self)
{
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      if (placement->block != NULL)
        park_block (self, placement);
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

static gboolean
build_margin_cb (gpointer user_data)
{
  Oc3Timeline *self = user_data;

  self->margin_idle_id = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
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

  /* Only where the talks go; their blocks come with the next layout, for
   * the part of the day in view. */
  for (guint i = 0; i < n_talks; i++)
    {
      Placement *placement = g_new0 (Placement, 1);

      placement->talk = g_list_model_get_item (talks, i);
      placement->start = g_date_time_to_unix (oc3_talk_get_start (placement->talk));
      placement->end = MAX (placement->start, g_date_time_to_unix (oc3_talk_get_end (placement->talk)));
      placement->column = GPOINTER_TO_UINT (g_hash_table_lookup (column_of_room,
                                                                 oc3_talk_get_room_name (placement->talk)));
      g_ptr_array_add (self->placements, placement);

      if (i == 0 || placement->start < self->range_start)
        self->range_start = placement->start;
      self->range_end = MAX (self->range_end, MAX (placement->end, placement->start + 60));
    }

  g_ptr_array_sort (self->placements, compare_placements);
  assign_lanes (self);
  if (self->margin_idle_id == 0)
    self->margin_idle_id = g_idle_add_full (G_PRIORITY_LOW, build_margin_cb, self, NULL);

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

      if (placement->block != NULL)
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
oc3_timeline_get_n_talks (Oc3Timeline *self)
{
  g_return_val_if_fail (OC3_IS_TIMELINE (self), 0);

  return self->placements->len;
}

guint
oc3_timeline_get_n_built_blocks (Oc3Timeline *self)
{
  guint n_built = 0;

  g_return_val_if_fail (OC3_IS_TIMELINE (self), 0);

  for (guint i = 0; i < self->placements->len; i++)
    if (((Placement *) g_ptr_array_index (self->placements, i))->block != NULL)
      n_built++;

  return n_built;
}

/* Scrolls as little as needed for the whole of @area to be in view, below
 * the room names and right of the hours. */
static void
scroll_to_area (Oc3Timeline        *self,
                const GdkRectangle *area)
{
  double x = scroll_x (self), y = scroll_y (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL && width > 0)
    {
      if (area->x + area->width > x + width)
        x = area->x + area->width - width;
      if (area->x - RULER_WIDTH < x)
        x = area->x - RULER_WIDTH;
      gtk_adjustment_set_value (self->hadjustment, x);
    }
  if (self->vadjustment != NULL && height > 0)
    {
      if (area->y + area->height > y + height)
        y = area->y + area->height - height;
      if (area->y - HEADER_HEIGHT < y)
        y = area->y - HEADER_HEIGHT;
      gtk_adjustment_set_value (self->vadjustment, y);
    }
}

static void
scroll_to_placement (Oc3Timeline *self,
                     Placement   *placement)
{
  GdkRectangle area;

  /* Before the first layout there is nothing to scroll. */
  if (self->column_width <= 0)
    return;
  get_placement_area (self, placement, &area);
  scroll_to_area (self, &area);
}

/* The block of a talk out of view is built at once and scrolled to. */
static GtkWidget *
reveal (Oc3Timeline *self,
        Placement   *placement)
{
  build_block (self, placement);
  scroll_to_placement (self, placement);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return GTK_WIDGET (placement->block);
}

/* Scrolls so that @instant is a third of the way down: what is on then, and
 * what comes next. Done at the next layout, when the view knows its size. */
void
oc3_timeline_scroll_to_time (Oc3Timeline *self,
                             GDateTime   *instant)
{
  g_return_if_fail (OC3_IS_TIMELINE (self));
  g_return_if_fail (instant != NULL);

  self->scroll_target = g_date_time_to_unix (instant);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

GtkWidget *
oc3_timeline_get_block (Oc3Timeline *self,
                        guint        position)
{
  g_return_val_if_fail (OC3_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < self->placements->len, NULL);

  return reveal (self, g_ptr_array_index (self->placements, position));
}

/* Marks the starred talks' blocks, now and as they come into view. */
void
oc3_timeline_update_starred (Oc3Timeline *self,
                             Oc3Agenda   *agenda)
{
  g_return_if_fail (OC3_IS_TIMELINE (self));

  g_set_object (&self->agenda, agenda);
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      if (placement->block != NULL)
        mark_block (self, placement->block);
    }
}

/* Marks the talks a refresh changed (GUIDs in @changed) until they are seen. */
void
oc3_timeline_update_changed (Oc3Timeline *self,
                             GHashTable  *changed)
{
  g_return_if_fail (OC3_IS_TIMELINE (self));

  if (changed != self->changed)
    {
      g_clear_pointer (&self->changed, g_hash_table_unref);
      self->changed = changed != NULL ? g_hash_table_ref (changed) : NULL;
    }
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      if (placement->block != NULL)
        mark_block (self, placement->block);
    }
}

/* The block of a talk of the shown day, scrolled into view. */
GtkWidget *
oc3_timeline_find_block (Oc3Timeline *self,
                         const char  *guid)
{
  g_return_val_if_fail (OC3_IS_TIMELINE (self), NULL);

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      if (g_strcmp0 (oc3_talk_get_guid (placement->talk), guid) == 0)
        return reveal (self, placement);
    }

  return NULL;
}

static Placement *
find_placement_of_block (Oc3Timeline *self,
                         GtkWidget   *block)
{
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      if (GTK_WIDGET (placement->block) == block)
        return placement;
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
  Placement *from, *target;

  if (keyval != GDK_KEY_Up && keyval != GDK_KEY_Down && keyval != GDK_KEY_Left && keyval != GDK_KEY_Right)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  while (focus != NULL && !OC3_IS_TALK_BLOCK (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL || (from = find_placement_of_block (self, focus)) == NULL)
    return GDK_EVENT_PROPAGATE;

  /* The neighbour may be out of view, without a block yet. */
  target = find_neighbour (self, from, keyval);
  if (target != NULL)
    gtk_widget_grab_focus (reveal (self, target));
  /* At the edge, stay: focus leaving the grid by arrow surprises. */
  return GDK_EVENT_STOP;
}

/* Focus moving to a block (Tab, or a screen reader) brings it into view. */
static void
oc3_timeline_set_focus_child (GtkWidget *widget,
                              GtkWidget *child)
{
  Oc3Timeline *self = OC3_TIMELINE (widget);
  Placement *placement;

  GTK_WIDGET_CLASS (oc3_timeline_parent_class)->set_focus_child (widget, child);

  if (child != NULL && (placement = find_placement_of_block (self, child)) != NULL)
    scroll_to_placement (self, placement);
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
      *minimum = *natural = content_height (self);
    }
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      int            page_size,
                      int            upper)
{
  double value;

  if (adjustment == NULL)
    return;
  upper = MAX (upper, page_size);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page_size);
  gtk_adjustment_configure (adjustment, value, 0, upper, page_size * 0.1, page_size * 0.9, page_size);
}

static void
oc3_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  Oc3Timeline *self = OC3_TIMELINE (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  GdkRectangle wanted;
  double x, y;
  int margin;

  self->column_width = column_width_for (self, MAX (width, RULER_WIDTH + (int) self->column_names->len * MIN_COLUMN_WIDTH));
  configure_adjustment (self->hadjustment, width, content_width (self));
  configure_adjustment (self->vadjustment, height, content_height (self));
  if (self->scroll_target != 0 && self->vadjustment != NULL && height > 0)
    {
      gint64 target = CLAMP (self->scroll_target, self->range_start, self->range_end);

      self->scroll_target = 0;
      gtk_adjustment_set_value (self->vadjustment, (int) (y_for_seconds (self, target) - height / 3));
    }
  x = scroll_x (self);
  y = scroll_y (self);
  margin = self->margin_idle_id != 0 ? 0 : BUILD_MARGIN;
  wanted = (GdkRectangle) { x - margin, y - margin, width + 2 * margin, height + 2 * margin };

  /* Park the blocks that left the view first, so that those coming in reuse
   * them; the one with the keyboard focus stays. */
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);
      GdkRectangle area;

      if (placement->block == NULL || GTK_WIDGET (placement->block) == focus_child)
        continue;
      get_placement_area (self, placement, &area);
      if (!gdk_rectangle_intersect (&area, &wanted, NULL))
        park_block (self, placement);
    }

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);
      GdkRectangle area;

      get_placement_area (self, placement, &area);
      if (placement->block == NULL && !gdk_rectangle_intersect (&area, &wanted, NULL))
        continue;

      build_block (self, placement);
      area.x -= (int) x;
      area.y -= (int) y;
      /* Blocks are as tall as their talk: they ask for little and show what fits. */
      gtk_widget_measure (GTK_WIDGET (placement->block), GTK_ORIENTATION_VERTICAL, area.width,
                          NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (placement->block), &area, -1);
    }

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->header, &(GtkAllocation) { 0, 0, width, HEADER_HEIGHT }, -1);
  gtk_widget_measure (self->ruler, GTK_ORIENTATION_VERTICAL, RULER_WIDTH, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->ruler, &(GtkAllocation) { 0, 0, RULER_WIDTH, height }, -1);
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

/* Drawn in the coordinates of the whole day, shifted by the scroll position;
 * only what is in view. */
static void
oc3_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  Oc3Timeline *self = OC3_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int column_width = self->column_width;
  int grid_right = content_width (self);
  int grid_bottom = (int) y_for_seconds (self, self->range_end);
  double x = scroll_x (self), y = scroll_y (self);
  guint first_column, last_column;
  GdkRGBA foreground;
  GdkRGBA line, faint_line, shade, dim, now_color = { 0.878f, 0.106f, 0.141f, 1.0f };

  if (self->placements->len == 0 || column_width <= 0)
    return;

  gtk_widget_get_color (widget, &foreground);
  line = faint_line = shade = dim = foreground;
  line.alpha = 0.15f;
  faint_line.alpha = 0.06f;
  shade.alpha = 0.05f;
  dim.alpha = 0.6f;

  first_column = MAX (x - RULER_WIDTH, 0) / column_width;
  last_column = MIN ((guint) ((x + width - RULER_WIDTH) / column_width) + 1, self->column_names->len);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-x, -y));

  /* Breaks, shaded across every room and named. */
  for (guint i = 0; i < self->breaks->len; i++)
    {
      Interval *gap = &g_array_index (self->breaks, Interval, i);
      double top = y_for_seconds (self, gap->start);
      double bottom = y_for_seconds (self, gap->end);

      if (bottom < y || top > y + height)
        continue;
      gtk_snapshot_append_color (snapshot, &shade,
                                 &GRAPHENE_RECT_INIT (RULER_WIDTH, top, grid_right - RULER_WIDTH, bottom - top));
      if (bottom - top >= 20)
        draw_text (widget, snapshot, _("Break"), MAX (x, 0) + RULER_WIDTH + 8, top + 4,
                   MIN (column_width, 200) - 16, FALSE, PANGO_ALIGN_LEFT, &dim);
    }

  /* Hour and half-hour lines, and the lines between the rooms. */
  for (gint64 t = self->range_start; t <= self->range_end; t += 1800)
    {
      double line_y = y_for_seconds (self, t);
      gboolean full_hour = ((t - self->range_start) % 3600) == 0;

      if (line_y >= y && line_y <= y + height)
        gtk_snapshot_append_color (snapshot, full_hour ? &line : &faint_line,
                                   &GRAPHENE_RECT_INIT (RULER_WIDTH, line_y, grid_right - RULER_WIDTH, 1));
    }
  for (guint i = first_column; i < last_column; i++)
    gtk_snapshot_append_color (snapshot, &faint_line,
                               &GRAPHENE_RECT_INIT (RULER_WIDTH + (int) i * column_width, 0, 1, grid_bottom));
  gtk_snapshot_restore (snapshot);

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      graphene_rect_t bounds;

      /* Built for scrolling, not yet in view: nothing to draw. */
      if (placement->block != NULL &&
          gtk_widget_compute_bounds (GTK_WIDGET (placement->block), widget, &bounds) &&
          graphene_rect_intersection (&bounds, &GRAPHENE_RECT_INIT (0, 0, width, height), NULL))
        gtk_widget_snapshot_child (widget, GTK_WIDGET (placement->block), snapshot);
    }

  /* The hours, on a ruler that stays at the left edge. */
  gtk_widget_snapshot_child (widget, self->ruler, snapshot);
  for (gint64 t = self->range_start; t < self->range_end; t += 3600)
    {
      double hour_y = y_for_seconds (self, t) - y;
      g_autoptr (GDateTime) instant = NULL;
      g_autofree char *label = NULL;

      if (hour_y < HEADER_HEIGHT - 20 || hour_y > height)
        continue;
      instant = g_date_time_new_from_unix_utc (t);
      label = oc3_time_format_clock (instant, self->zone);
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, hour_y, RULER_WIDTH, 1));
      draw_text (widget, snapshot, label, 4, hour_y + 2, RULER_WIDTH - 12, FALSE, PANGO_ALIGN_RIGHT, &dim);
    }

  /* The "now" line, over the talks. */
  if (self->now >= self->range_start && self->now <= self->range_end)
    {
      double now_y = y_for_seconds (self, self->now) - y;
      GskRoundedRect dot;

      gtk_snapshot_append_color (snapshot, &now_color,
                                 &GRAPHENE_RECT_INIT (RULER_WIDTH - 4, now_y - 1,
                                                      MIN (grid_right - x, width) - RULER_WIDTH + 4, 2));
      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (RULER_WIDTH - 10, now_y - 5, 10, 10), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &now_color, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }

  /* Room names over their columns, in a header that stays at the top. */
  gtk_widget_snapshot_child (widget, self->header, snapshot);
  for (guint i = first_column; i < last_column; i++)
    {
      double column_x = RULER_WIDTH + (int) i * column_width - x;

      draw_text (widget, snapshot, g_ptr_array_index (self->column_names, i), column_x + 6, 10,
                 column_width - 12, TRUE, PANGO_ALIGN_CENTER, &foreground);
    }
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, MIN (grid_right - x, width), 1));
}

static void
adjustment_value_changed_cb (Oc3Timeline *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (Oc3Timeline    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment != NULL ? adjustment : gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_object (*slot, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
oc3_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  Oc3Timeline *self = OC3_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  Oc3Timeline *self = OC3_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_timeline_dispose (GObject *object)
{
  Oc3Timeline *self = OC3_TIMELINE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->margin_idle_id, g_source_remove);
  if (self->placements != NULL)
    clear_day (self);
  g_clear_pointer (&self->spare_blocks, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->header = self->ruler = NULL;
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->agenda);
  g_clear_pointer (&self->changed, g_hash_table_unref);

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

  object_class->get_property = oc3_timeline_get_property;
  object_class->set_property = oc3_timeline_set_property;
  object_class->dispose = oc3_timeline_dispose;
  object_class->finalize = oc3_timeline_finalize;
  widget_class->measure = oc3_timeline_measure;
  widget_class->size_allocate = oc3_timeline_size_allocate;
  widget_class->snapshot = oc3_timeline_snapshot;
  widget_class->set_focus_child = oc3_timeline_set_focus_child;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

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

  self->placements = g_ptr_array_new_with_free_func (placement_free);
  self->column_names = g_ptr_array_new_with_free_func (g_free);
  self->breaks = g_array_new (FALSE, FALSE, sizeof (Interval));
  self->spare_blocks = g_ptr_array_new ();
  self->zone = g_time_zone_new_utc ();

  /* Plain boxes, for their theme background: drawn over the blocks that
   * scroll under them, they also take the clicks there. */
  self->ruler = g_object_new (GTK_TYPE_BOX, "css-name", "ruler", NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->ruler), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (self->ruler, GTK_WIDGET (self));
  self->header = g_object_new (GTK_TYPE_BOX, "css-name", "header", NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  /* Blocks partly scrolled out must not draw over what is around the view. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
