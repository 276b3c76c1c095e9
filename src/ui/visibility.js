// Shows and hides the board's cards for the filter: the ids come from the
// app (src/ui/dom.rs, `set_filtered`) as one string each, and no card runs
// code of its own. Cards are found through a map of id to element, made
// again (at most once a call) when a card is not in it or no longer on the
// page (redrawn, moved). A card not drawn yet takes its mark from the app
// when it is. At 10,000 cards this takes a few milliseconds, where a
// reactive class per card took over 100.
const cards = new Map();

export function set_filtered(hide, show) {
  let fresh = false;
  const find = (id) => {
    const card = cards.get(id);
    if (card?.isConnected || fresh) return card;
    fresh = true;
    cards.clear();
    for (const el of document.getElementsByClassName("card")) {
      const key = el.getAttribute("data-id");
      if (key) cards.set(key, el);
    }
    return cards.get(id);
  };
  for (const id of hide ? hide.split(" ") : []) find(id)?.classList.add("filtered-out");
  for (const id of show ? show.split(" ") : []) find(id)?.classList.remove("filtered-out");
}
