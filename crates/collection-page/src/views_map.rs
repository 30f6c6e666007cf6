//! The citation map of the selected cable's neighbourhood (`collection::neighbourhood`), drawn
//! as SVG by the page: time from left to right, a circle a cable, a line a citation, each node
//! a link — to the cable in this collection, or to its public page when the collection lacks it.

use collection::{neighbourhood, CitationMap, Index, MapLimits};
use yew::prelude::*;

use crate::address::{encode, Address};
use crate::format;
use crate::state::{App, Msg};

/// Room above the lanes for the axis's labels, and at the sides for the nodes' labels.
const TOP: f32 = 18.0;
const SIDE: f32 = 40.0;

/// The map of `doc`; nothing when it cites nothing and nothing cites it.
pub fn map(_app: &App, index: &Index, doc: u32, ctx: &Context<App>) -> Html {
    let map = neighbourhood(index, doc, MapLimits::default());
    if map.nodes.len() < 2 {
        return Html::default();
    }
    html! {
        <>
            <h3>{ "Citation map" }</h3>
            { drawing(&map, ctx) }
            <p class="none">
                { "Older cables to the left; a line joins a cable to one it cites; dashed circles are cables this collection lacks." }
                if map.left_out > 0 {
                    { format!(" {}{} more within two hops are not drawn.", if map.left_out_is_exact { "" } else { "At least " }, format::count(map.left_out as u64)) }
                }
            </p>
        </>
    }
}

fn drawing(map: &CitationMap, ctx: &Context<App>) -> Html {
    let width = map.width + 2.0 * SIDE;
    let height = map.height + TOP + 8.0;
    let at = |idx: usize| map.nodes.get(idx).map(|node| (node.x + SIDE, node.y + TOP));
    html! {
        <svg class="citation-map" id="citation-map" viewBox={format!("0 0 {width} {height}")} role="img"
            aria-label={format!("Citation map: {} cables", map.nodes.len())}>
            { for map.axis.iter().map(|tick| html! {
                <g>
                    <line class="tick" x1={(tick.x + SIDE).to_string()} x2={(tick.x + SIDE).to_string()} y1={TOP.to_string()} y2={height.to_string()} />
                    <text class="tick-label" x={(tick.x + SIDE).to_string()} y="12" text-anchor="middle">{ tick.label.clone() }</text>
                </g>
            }) }
            { for map.edges.iter().filter_map(|edge| {
                let ((x1, y1), (x2, y2)) = (at(edge.from)?, at(edge.to)?);
                Some(html! { <line class="edge" x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} /> })
            }) }
            { for map.nodes.iter().map(|node| {
                let (x, y) = (node.x + SIDE, node.y + TOP);
                let class = classes!(
                    "node",
                    (node.hops == 0).then_some("centre"),
                    node.doc.is_none().then_some("absent")
                );
                let title = match node.doc {
                    Some(_) => format!("{}{}", node.id, if node.estimated { " (date from its ID)" } else { "" }),
                    None => format!("{}: not in this collection (its public page)", node.id),
                };
                let shape = html! {
                    <>
                        <title>{ title }</title>
                        <circle cx={x.to_string()} cy={y.to_string()} r="6" />
                        <text x={x.to_string()} y={(y + 17.0).to_string()} text-anchor="middle">{ node.label.clone() }</text>
                    </>
                };
                match node.doc {
                    Some(doc) => {
                        let href = format!("#{}", Address { cable: Some(node.id.clone()), ..Address::default() }.to_fragment());
                        let onclick = ctx.link().callback(move |event: MouseEvent| {
                            event.prevent_default();
                            Msg::Select(Some(doc))
                        });
                        html! { <a class={class} href={href} data-id={node.id.clone()} onclick={onclick}>{ shape }</a> }
                    }
                    None => html! {
                        <a class={class} href={format::plusd(&encode(&node.id))} target="_blank" rel="noreferrer noopener" data-id={node.id.clone()}>{ shape }</a>
                    },
                }
            }) }
        </svg>
    }
}
