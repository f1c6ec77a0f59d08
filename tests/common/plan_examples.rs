//! The example numbers of libphonenumber's metadata (the release the numbering-plan tables come
//! from), for the tests that need a valid number of each region.

use phonenumber::Metadata;
use phonenumber::metadata::Descriptor;

/// The example national significant numbers of a region, one per type that has one.
pub fn examples(meta: &Metadata) -> Vec<&str> {
    let d = meta.descriptors();
    [
        d.fixed_line(),
        d.mobile(),
        d.toll_free(),
        d.premium_rate(),
        d.shared_cost(),
        d.personal_number(),
        d.voip(),
        d.pager(),
        d.uan(),
        d.voicemail(),
    ]
    .into_iter()
    .flatten()
    .filter_map(Descriptor::example)
    .collect()
}
