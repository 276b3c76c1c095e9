//! Presentation mode's choices that need no browser (tested natively):
//! where the facilitator's "+ Kaart" adds a card.

/// The cell "+ Kaart" opens its field in, as (line, column position): the
/// cell the focus was last in, when its line is shown open and its column
/// is still there; else the first column of the first open line. `None`
/// when no line is open or there are no columns.
pub fn add_target(
    last: Option<(u8, usize)>,
    open_lines: &[u8],
    columns: usize,
) -> Option<(u8, usize)> {
    if columns == 0 {
        return None;
    }
    if let Some((line, column)) = last {
        if open_lines.contains(&line) && column < columns {
            return Some((line, column));
        }
    }
    open_lines.first().map(|line| (*line, 0))
}

/// The lines shown open: not folded, and not hidden by "Alleen deze lijn".
pub fn open_lines(lines: &[u8], collapsed: &[u8], focus: Option<u8>) -> Vec<u8> {
    lines
        .iter()
        .copied()
        .filter(|l| !collapsed.contains(l) && focus.is_none_or(|f| f == *l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_where_the_focus_was_else_in_the_first_open_cell() {
        let all = [1, 2, 3, 4, 5];
        assert_eq!(add_target(Some((3, 2)), &all, 4), Some((3, 2)));
        assert_eq!(add_target(None, &all, 4), Some((1, 0)));
        // A column removed since: the first cell instead.
        assert_eq!(add_target(Some((3, 4)), &all, 4), Some((1, 0)));
        // A folded or hidden line is not added to.
        let open = open_lines(&all, &[1, 3], None);
        assert_eq!(open, [2, 4, 5]);
        assert_eq!(add_target(Some((3, 1)), &open, 4), Some((2, 0)));
        assert_eq!(open_lines(&all, &[], Some(4)), [4]);
        assert_eq!(
            add_target(Some((2, 1)), &open_lines(&all, &[], Some(4)), 4),
            Some((4, 0))
        );
        assert_eq!(add_target(None, &[], 4), None);
        assert_eq!(add_target(None, &all, 0), None);
    }
}
