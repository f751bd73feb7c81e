/* oc3-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-person-private.h"

G_DEFINE_FINAL_TYPE (Oc3Person, oc3_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GUID,
  PROP_NAME,
  PROP_BIOGRAPHY,
  PROP_AFFILIATION,
  PROP_ROLE,
  PROP_TALKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
oc3_person_finalize (GObject *object)
{
  Oc3Person *self = OC3_PERSON (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->biography, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_object (&self->talks);

  G_OBJECT_CLASS (oc3_person_parent_class)->finalize (object);
}

static void
oc3_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  Oc3Person *self = OC3_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_GUID:
      g_value_set_string (value, self->guid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BIOGRAPHY:
      g_value_set_string (value, self->biography);
      break;
    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_TALKS:
      g_value_set_object (value, self->talks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_person_class_init (Oc3PersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = oc3_person_finalize;
  object_class->get_property = oc3_person_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUID] =
    g_param_spec_string ("guid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIOGRAPHY] =
    g_param_spec_string ("biography", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TALKS] =
    g_param_spec_object ("talks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_person_init (Oc3Person *self)
{
}

/**
 * oc3_person_get_id:
 * @self: a #Oc3Person
 *
 * Returns: (transfer none) (nullable): the person's id in the schedule (a number or a pretalx
 *   code, as text)
 */
const char *
oc3_person_get_id (Oc3Person *self)
{
  g_return_val_if_fail (OC3_IS_PERSON (self), NULL);

  return self->id;
}

/**
 * oc3_person_get_guid:
 * @self: a #Oc3Person
 *
 * Returns: (transfer none) (nullable): the person's guid, if the schedule gives one
 */
const char *
oc3_person_get_guid (Oc3Person *self)
{
  g_return_val_if_fail (OC3_IS_PERSON (self), NULL);

  return self->guid;
}

/**
 * oc3_person_get_name:
 * @self: a #Oc3Person
 *
 * Returns: (transfer none): the name to show
 */
const char *
oc3_person_get_name (Oc3Person *self)
{
  g_return_val_if_fail (OC3_IS_PERSON (self), NULL);

  return self->name;
}

/**
 * oc3_person_get_biography:
 * @self: a #Oc3Person
 *
 * Returns: (transfer none) (nullable): the biography, HTML or Markdown as the schedule has it
 */
const char *
oc3_person_get_biography (Oc3Person *self)
{
  g_return_val_if_fail (OC3_IS_PERSON (self), NULL);

  return self->biography;
}

/**
 * oc3_person_get_affiliation:
 * @self: a #Oc3Person
 *
 * Returns: (transfer none) (nullable): the organization, company or affiliation
 */
const char *
oc3_person_get_affiliation (Oc3Person *self)
{
  g_return_val_if_fail (OC3_IS_PERSON (self), NULL);

  return self->affiliation;
}

/**
 * oc3_person_get_role:
 * @self: a #Oc3Person
 *
 * Returns: (transfer none) (nullable): the person's role at their organization ("CTO")
 */
const char *
oc3_person_get_role (Oc3Person *self)
{
  g_return_val_if_fail (OC3_IS_PERSON (self), NULL);

  return self->role;
}

/**
 * oc3_person_get_talks:
 * @self: a #Oc3Person
 *
 * Returns: (transfer none) (element-type Oc3Talk): the person's talks, sorted by start, then room
 */
GListModel *
oc3_person_get_talks (Oc3Person *self)
{
  g_return_val_if_fail (OC3_IS_PERSON (self), NULL);

  return G_LIST_MODEL (self->talks);
}

Oc3Person *
oc3_person_new (void)
{
  return g_object_new (OC3_TYPE_PERSON, NULL);
}
