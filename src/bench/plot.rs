//! SVG plots (plotters, SVG backend only): scaling vs threads per program, `--stm` overhead at 1
//! thread, and time relative to CPython per interpreter. Only `ok` points are plotted: wrong,
//! failed and unavailable points never are (a plot with no data says why in its title area).

use super::report::{label, series};
use super::results::{Results, Status};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::path::Path;

const COLORS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("plot: {e:?}")
}

/// Median of an ok point, if any.
fn median(r: &Results, prog: &str, interp: &str, mode: &str, threads: u32) -> Option<f64> {
    r.point(prog, interp, mode, threads)
        .filter(|p| p.status == Status::Ok)
        .and_then(|p| p.time_s)
        .map(|t| t.median)
}

/// The colour of a series: fixed by its position among all series, so it is the same in every plot.
fn color(r: &Results, interp: &str, mode: &str) -> RGBColor {
    let k = series(r)
        .iter()
        .position(|(i, m)| i == interp && m == mode)
        .unwrap_or(0);
    COLORS[k % COLORS.len()]
}

/// The (interpreter, mode) series that have at least one ok point (the others are not drawn).
fn plotted_series(r: &Results) -> Vec<(String, String)> {
    series(r)
        .into_iter()
        .filter(|(i, m)| {
            r.points
                .iter()
                .any(|p| &p.interpreter == i && &p.mode == m && p.status == Status::Ok)
        })
        .collect()
}

/// A drawing with only a title and a message (no data to plot).
fn message(path: &Path, title: &str, msg: &str) -> Result<(), String> {
    let root = SVGBackend::new(path, (900, 200)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let style = TextStyle::from(("sans-serif", 22).into_font());
    root.draw(&Text::new(title.to_string(), (20, 30), style))
        .map_err(err)?;
    let style = TextStyle::from(("sans-serif", 16).into_font()).color(&RGBColor(160, 0, 0));
    root.draw(&Text::new(msg.to_string(), (20, 100), style))
        .map_err(err)?;
    root.present().map_err(err)
}

/// Scaling (T1/TN, or T1·N/TN for micro-patterns) vs threads: one panel per program, one line per
/// interpreter and mode, the ideal line in grey.
pub fn scaling(r: &Results, path: &Path) -> Result<(), String> {
    let threads = &r.config.threads;
    let nmax = threads.iter().copied().max().unwrap_or(1) as f64;
    let series = plotted_series(r);
    let n = r.programs.len().max(1);
    let cols = 6.min(n);
    let rows = n.div_ceil(cols);
    let width = (260 * cols as u32).max(20 + 160 * series.len() as u32);
    let root = SVGBackend::new(path, (width, 60 + 230 * rows as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let (top, body) = root.split_vertically(60);
    let title = "Scaling vs threads (ideal in grey; micro-patterns*: T1·N/TN)";
    top.draw(&Text::new(title, (10, 8), ("sans-serif", 20).into_font()))
        .map_err(err)?;
    for (k, (i, m)) in series.iter().enumerate() {
        let c = color(r, i, m);
        let x = 10 + 160 * k as i32;
        top.draw(&Rectangle::new([(x, 40), (x + 20, 50)], c.filled()))
            .map_err(err)?;
        top.draw(&Text::new(
            label(i, m),
            (x + 25, 37),
            ("sans-serif", 14).into_font(),
        ))
        .map_err(err)?;
    }
    for (prog, area) in r.programs.iter().zip(body.split_evenly((rows, cols))) {
        let ymax = r
            .points
            .iter()
            .filter(|p| p.program == prog.name && p.status == Status::Ok)
            .filter_map(|p| p.scaling)
            .fold(nmax, f64::max)
            * 1.1;
        let name = format!(
            "{}{}",
            prog.name,
            if prog.kind == "micro" { "*" } else { "" }
        );
        let mut chart = ChartBuilder::on(&area)
            .caption(name, ("sans-serif", 15))
            .margin(8)
            .x_label_area_size(22)
            .y_label_area_size(30)
            .build_cartesian_2d(0.8f64..nmax + 0.2, 0f64..ymax)
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_labels(threads.len().max(2))
            .y_labels(5)
            .x_label_formatter(&|v| format!("{v:.0}"))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(
                [(1.0, 1.0), (nmax, nmax)],
                RGBColor(190, 190, 190),
            ))
            .map_err(err)?;
        for (i, m) in series.iter() {
            let c = color(r, i, m);
            let pts: Vec<(f64, f64)> = threads
                .iter()
                .filter_map(|&t| {
                    let p = r.point(&prog.name, i, m, t)?;
                    (p.status == Status::Ok).then_some(())?;
                    Some((t as f64, p.scaling?))
                })
                .collect();
            chart
                .draw_series(LineSeries::new(pts.clone(), c.stroke_width(2)))
                .map_err(err)?;
            chart
                .draw_series(pts.iter().map(|&xy| Circle::new(xy, 3, c.filled())))
                .map_err(err)?;
        }
    }
    root.present().map_err(err)
}

/// Horizontal grouped bars, one band per program: `bars[p][k]` is the value of group `k`.
fn hbars(
    path: &Path,
    title: &str,
    xdesc: &str,
    names: &[String],
    groups: &[(String, RGBColor)],
    bars: &[Vec<Option<f64>>],
) -> Result<(), String> {
    let n = names.len().max(1);
    let g = groups.len().max(1);
    let xmax = bars
        .iter()
        .flatten()
        .flatten()
        .fold(1.0f64, |a, &b| a.max(b))
        * 1.35;
    let root = SVGBackend::new(path, (900, 90 + (n * (14 * g + 10)) as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(150)
        .build_cartesian_2d(0f64..xmax, 0f64..n as f64)
        .map_err(err)?;
    chart
        .configure_mesh()
        .y_labels(0)
        .disable_y_mesh()
        .x_desc(xdesc)
        .draw()
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(1.0, 0.0), (1.0, n as f64)],
            BLACK.stroke_width(1),
        ))
        .map_err(err)?;
    let band = 0.8 / g as f64;
    for (k, (grp, c)) in groups.iter().enumerate() {
        let c = *c;
        let rects: Vec<_> = bars
            .iter()
            .enumerate()
            .filter_map(|(p, row)| {
                let v = row.get(k).copied().flatten()?;
                let y0 = n as f64 - p as f64 - 0.1 - (k + 1) as f64 * band;
                Some(Rectangle::new(
                    [(0.0, y0), (v, y0 + band * 0.9)],
                    c.filled(),
                ))
            })
            .collect();
        chart
            .draw_series(rects)
            .map_err(err)?
            .label(grp.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], c.filled()));
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperRight)
        .draw()
        .map_err(err)?;
    let style =
        TextStyle::from(("sans-serif", 13).into_font()).pos(Pos::new(HPos::Right, VPos::Center));
    for (p, name) in names.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(0.0, n as f64 - p as f64 - 0.5));
        root.draw(&Text::new(name.clone(), (x - 6, y), style.clone()))
            .map_err(err)?;
    }
    root.present().map_err(err)
}

/// `--stm` overhead at 1 thread: weft stm T1 / weft gil T1 per program.
pub fn stm_overhead(r: &Results, path: &Path) -> Result<(), String> {
    let title = "weft --stm overhead at 1 thread (stm time / gil time)";
    let weft = r.interpreters.iter().find(|i| i.name == "weft");
    if !weft.map(|w| w.stm_available).unwrap_or(false) {
        return message(
            path,
            title,
            "unavailable: this weft's --stm runs with the GIL",
        );
    }
    let names: Vec<String> = r.programs.iter().map(|p| p.name.clone()).collect();
    let bars: Vec<Vec<Option<f64>>> = names
        .iter()
        .map(|n| {
            let ratio = median(r, n, "weft", "stm", 1)
                .zip(median(r, n, "weft", "gil", 1))
                .map(|(s, g)| s / g);
            vec![ratio]
        })
        .collect();
    hbars(
        path,
        title,
        "time relative to weft (GIL), 1 thread",
        &names,
        &[("weft stm".into(), color(r, "weft", "stm"))],
        &bars,
    )
}

/// Time relative to CPython at 1 thread, one bar per other interpreter/mode.
pub fn vs_cpython(r: &Results, path: &Path) -> Result<(), String> {
    let title = "Time relative to CPython (python3 = 1), 1 thread, lower is faster";
    if !r
        .interpreters
        .iter()
        .any(|i| i.name == "python3" && i.available)
    {
        return message(path, title, "python3 was not measured");
    }
    let groups: Vec<(String, String)> = plotted_series(r)
        .into_iter()
        .filter(|(i, _)| i != "python3")
        .collect();
    let names: Vec<String> = r.programs.iter().map(|p| p.name.clone()).collect();
    let bars: Vec<Vec<Option<f64>>> = names
        .iter()
        .map(|n| {
            let base = median(r, n, "python3", "gil", 1);
            groups
                .iter()
                .map(|(i, m)| median(r, n, i, m, 1).zip(base).map(|(t, b)| t / b))
                .collect()
        })
        .collect();
    let labels: Vec<(String, RGBColor)> = groups
        .iter()
        .map(|(i, m)| (label(i, m), color(r, i, m)))
        .collect();
    hbars(
        path,
        title,
        "wall time / CPython wall time",
        &names,
        &labels,
        &bars,
    )
}
