/* oc3-program-change.c — what a refreshed program changed, talk by talk.
 *
 * Talks are matched by GUID, the one identity that survives an export: a
 * talk can change its time, room and title and still be the same talk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-program-change.h"
#include "oc3-talk-format.h"
#include "oc3-time.h"

struct _Oc3ProgramChange
{
  GObject parent_instance;

  Oc3ProgramChangeKind kinds;
  Oc3Talk             *old_talk;  /* NULL for an added talk */
  Oc3Talk             *new_talk;  /* NULL for a cancelled one */
};

G_DEFINE_FINAL_TYPE (Oc3ProgramChange, oc3_program_change, G_TYPE_OBJECT)

static Oc3ProgramChange *
program_change_new (Oc3ProgramChangeKind  kinds,
                    Oc3Talk              *old_talk,
                    Oc3Talk              *new_talk)
{
  Oc3ProgramChange *self = g_object_new (OC3_TYPE_PROGRAM_CHANGE, NULL);

  self->kinds = kinds;
  self->old_talk = old_talk != NULL ? g_object_ref (old_talk) : NULL;
  self->new_talk = new_talk != NULL ? g_object_ref (new_talk) : NULL;

  return self;
}

Oc3ProgramChangeKind
oc3_program_change_get_kinds (Oc3ProgramChange *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_CHANGE (self), 0);

  return self->kinds;
}

const char *
oc3_program_change_get_guid (Oc3ProgramChange *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_CHANGE (self), NULL);

  return oc3_talk_get_guid (self->new_talk != NULL ? self->new_talk : self->old_talk);
}

Oc3Talk *
oc3_program_change_get_old_talk (Oc3ProgramChange *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_CHANGE (self), NULL);

  return self->old_talk;
}

Oc3Talk *
oc3_program_change_get_new_talk (Oc3ProgramChange *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_CHANGE (self), NULL);

  return self->new_talk;
}

/* One line for the "What changed" page, e.g.
 * "Moved from Wednesday 10:00, Room B to Thursday 11:00, Room C". */
char *
oc3_program_change_describe (Oc3ProgramChange *self,
                             GTimeZone        *zone)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (OC3_IS_PROGRAM_CHANGE (self), NULL);

  if (self->kinds & OC3_PROGRAM_CHANGE_ADDED)
    return g_strdup (_("New in the program"));
  if (self->kinds & OC3_PROGRAM_CHANGE_CANCELLED)
    return g_strdup (_("Cancelled: no longer in the program"));

  if (self->kinds & OC3_PROGRAM_CHANGE_MOVED)
    {
      g_autofree char *old_day = oc3_time_format_day (oc3_talk_get_start (self->old_talk), zone);
      g_autofree char *old_time = oc3_time_format_clock (oc3_talk_get_start (self->old_talk), zone);
      g_autofree char *new_day = oc3_time_format_day (oc3_talk_get_start (self->new_talk), zone);
      g_autofree char *new_time = oc3_time_format_clock (oc3_talk_get_start (self->new_talk), zone);

      if (g_strcmp0 (old_day, new_day) == 0)
        /* Translators: a talk's new start time: "Now at 11:00, was 10:00". */
        g_ptr_array_add (parts, g_strdup_printf (_("Now at %s, was %s"), new_time, old_time));
      else
        /* Translators: a talk's new day and time: "Now on <day> at 11:00, was <day> at 10:00". */
        g_ptr_array_add (parts, g_strdup_printf (_("Now on %s at %s, was %s at %s"),
                                                 new_day, new_time, old_day, old_time));
    }
  if (self->kinds & OC3_PROGRAM_CHANGE_ROOM)
    /* Translators: a talk's new room: "Now in Room C, was Room B". */
    g_ptr_array_add (parts, g_strdup_printf (_("Now in %s, was %s"),
                                             oc3_talk_get_room_name (self->new_talk),
                                             oc3_talk_get_room_name (self->old_talk)));
  if (self->kinds & OC3_PROGRAM_CHANGE_RETITLED)
    /* Translators: a talk's former title. */
    g_ptr_array_add (parts, g_strdup_printf (_("Was “%s”"), oc3_talk_get_title (self->old_talk)));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static Oc3ProgramChangeKind
compare_talks (Oc3Talk *before,
               Oc3Talk *after)
{
  Oc3ProgramChangeKind kinds = 0;

  if (!g_date_time_equal (oc3_talk_get_start (before), oc3_talk_get_start (after)) ||
      !g_date_time_equal (oc3_talk_get_end (before), oc3_talk_get_end (after)))
    kinds |= OC3_PROGRAM_CHANGE_MOVED;
  if (g_strcmp0 (oc3_talk_get_room_name (before), oc3_talk_get_room_name (after)) != 0)
    kinds |= OC3_PROGRAM_CHANGE_ROOM;
  if (g_strcmp0 (oc3_talk_get_title (before), oc3_talk_get_title (after)) != 0)
    kinds |= OC3_PROGRAM_CHANGE_RETITLED;

  return kinds;
}

/* The changes from @before to @after, in the order of the new program
 * (cancelled talks at their old place, after the others). */
GListModel *
oc3_program_changes_compare (Oc3Conference *before,
                             Oc3Conference *after)
{
  GListStore *changes = g_list_store_new (OC3_TYPE_PROGRAM_CHANGE);
  GListModel *new_talks;
  GListModel *old_talks;

  g_return_val_if_fail (OC3_IS_CONFERENCE (before), G_LIST_MODEL (changes));
  g_return_val_if_fail (OC3_IS_CONFERENCE (after), G_LIST_MODEL (changes));

  new_talks = oc3_conference_get_talks (after);
  for (guint i = 0; i < g_list_model_get_n_items (new_talks); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (new_talks, i);
      Oc3Talk *old = oc3_conference_lookup_talk (before, oc3_talk_get_guid (talk));
      Oc3ProgramChangeKind kinds = old == NULL ? OC3_PROGRAM_CHANGE_ADDED : compare_talks (old, talk);

      if (kinds != 0)
        {
          g_autoptr (Oc3ProgramChange) change = program_change_new (kinds, old, talk);

          g_list_store_append (changes, change);
        }
    }

  old_talks = oc3_conference_get_talks (before);
  for (guint i = 0; i < g_list_model_get_n_items (old_talks); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (old_talks, i);

      if (oc3_conference_lookup_talk (after, oc3_talk_get_guid (talk)) == NULL)
        {
          g_autoptr (Oc3ProgramChange) change = program_change_new (OC3_PROGRAM_CHANGE_CANCELLED, talk, NULL);

          g_list_store_append (changes, change);
        }
    }

  return G_LIST_MODEL (changes);
}

static void
oc3_program_change_dispose (GObject *object)
{
  Oc3ProgramChange *self = OC3_PROGRAM_CHANGE (object);

  g_clear_object (&self->old_talk);
  g_clear_object (&self->new_talk);

  G_OBJECT_CLASS (oc3_program_change_parent_class)->dispose (object);
}

static void
oc3_program_change_class_init (Oc3ProgramChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = oc3_program_change_dispose;
}

static void
oc3_program_change_init (Oc3ProgramChange *self)
{
}
