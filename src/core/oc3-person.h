/* oc3-person.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OC3_TYPE_PERSON (oc3_person_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Person, oc3_person, OC3, PERSON, GObject)

const char *oc3_person_get_id          (Oc3Person *self);
const char *oc3_person_get_guid        (Oc3Person *self);
const char *oc3_person_get_name        (Oc3Person *self);
const char *oc3_person_get_biography   (Oc3Person *self);
const char *oc3_person_get_affiliation (Oc3Person *self);
const char *oc3_person_get_role        (Oc3Person *self);
GListModel *oc3_person_get_talks       (Oc3Person *self);

G_END_DECLS
