/* oc3-day.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-day-private.h"

G_DEFINE_FINAL_TYPE (Oc3Day, oc3_day, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_DATE,
  PROP_START,
  PROP_END,
  PROP_TALKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
oc3_day_finalize (GObject *object)
{
  Oc3Day *self = OC3_DAY (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_object (&self->talks);

  G_OBJECT_CLASS (oc3_day_parent_class)->finalize (object);
}

static void
oc3_day_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  Oc3Day *self = OC3_DAY (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_int (value, self->index);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_TALKS:
      g_value_set_object (value, self->talks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_day_class_init (Oc3DayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = oc3_day_finalize;
  object_class->get_property = oc3_day_get_property;

  properties[PROP_INDEX] =
    g_param_spec_int ("index", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TALKS] =
    g_param_spec_object ("talks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_day_init (Oc3Day *self)
{
}

/**
 * oc3_day_get_index:
 * @self: a #Oc3Day
 *
 * Returns:: the day's number, as the schedule counts (usually from 1)
 */
int
oc3_day_get_index (Oc3Day *self)
{
  g_return_val_if_fail (OC3_IS_DAY (self), 0);

  return self->index;
}

/**
 * oc3_day_get_date:
 * @self: a #Oc3Day
 *
 * Returns: (transfer none): midnight at the start of the day's date, in the conference's time zone
 */
GDateTime *
oc3_day_get_date (Oc3Day *self)
{
  g_return_val_if_fail (OC3_IS_DAY (self), NULL);

  return self->date;
}

/**
 * oc3_day_get_start:
 * @self: a #Oc3Day
 *
 * Returns: (transfer none): when the day's program starts (day_start, or its first talk)
 */
GDateTime *
oc3_day_get_start (Oc3Day *self)
{
  g_return_val_if_fail (OC3_IS_DAY (self), NULL);

  return self->start;
}

/**
 * oc3_day_get_end:
 * @self: a #Oc3Day
 *
 * Returns: (transfer none): when the day's program ends (day_end, or the end of its last talk)
 */
GDateTime *
oc3_day_get_end (Oc3Day *self)
{
  g_return_val_if_fail (OC3_IS_DAY (self), NULL);

  return self->end;
}

/**
 * oc3_day_get_talks:
 * @self: a #Oc3Day
 *
 * Returns: (transfer none) (element-type Oc3Talk): the talks filed under this day (after-midnight
 *   talks included), sorted by start, then room
 */
GListModel *
oc3_day_get_talks (Oc3Day *self)
{
  g_return_val_if_fail (OC3_IS_DAY (self), NULL);

  return G_LIST_MODEL (self->talks);
}

Oc3Day *
oc3_day_new (void)
{
  return g_object_new (OC3_TYPE_DAY, NULL);
}
