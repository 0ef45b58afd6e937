/// The report's own style sheet and script, inlined so that the file needs no network to be read.
enum ReportAssets {
    static let css = """
        :root{--ink:#1d2430;--muted:#5b6473;--line:#d9dee5;--bg:#fbfcfd;--ok:#1b7f3b;--bad:#b3261e;--warn:#9a6700}
        *{box-sizing:border-box}
        body{margin:0;font-family:\(MapDocument.fontFamily);color:var(--ink);background:var(--bg);line-height:1.45}
        header{padding:28px 40px 12px;border-bottom:1px solid var(--line);background:#fff}
        header h1{margin:0 0 6px;font-size:26px}
        .meta{color:var(--muted);margin:2px 0;font-size:14px}
        .modelled{display:inline-block;margin-top:8px;padding:6px 10px;border-left:4px solid var(--warn);background:#fff7e0;font-size:14px}
        nav{padding:8px 40px;background:#fff;border-bottom:1px solid var(--line);font-size:14px}
        nav a{margin-right:18px;color:#2456a6;text-decoration:none}
        main{padding:8px 40px 40px;max-width:1320px}
        section{margin-top:28px}
        h2{font-size:20px;border-bottom:2px solid var(--ink);padding-bottom:4px}
        h3{font-size:16px;margin:20px 0 8px}
        table{border-collapse:collapse;font-size:13px;margin:6px 0;background:#fff}
        th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#eef1f5}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        tr.total td{font-weight:bold;background:#f4f6f9}
        tr.fail td{background:#fdecea}
        tr.warn td{background:#fff7e0}
        td.pass{color:var(--ok);font-weight:bold}
        .caption,.note{color:var(--muted);font-size:13px;margin:4px 0}
        figure.map{position:relative;margin:10px 0;border:1px solid var(--line);background:#fff;width:fit-content;max-width:100%}
        figure.map svg{display:block;max-width:100%;height:auto;touch-action:none;cursor:grab}
        figure.map svg.dragging{cursor:grabbing}
        .map-tools{position:absolute;right:12px;bottom:44px;display:flex;gap:4px}
        .map-tools button{width:30px;height:30px;font-size:18px;border:1px solid #aaa;background:#fff;border-radius:4px;cursor:pointer}
        figcaption{font-size:13px;color:var(--muted);padding:6px 10px;border-top:1px solid var(--line)}
        .tip{position:fixed;pointer-events:none;background:rgba(20,24,32,.92);color:#fff;padding:5px 8px;border-radius:4px;font-size:13px;max-width:360px;z-index:10}
        footer{padding:20px 40px;color:var(--muted);font-size:13px;border-top:1px solid var(--line)}
        """

    /// Pan (drag), zoom (wheel, the buttons) and hover (a feature's `data-tip`) for every `figure.map`; the
    /// scale bar's labels follow the zoom. When every map is set up, `<body data-ready="true">` says so, and
    /// each figure records its drawn size in `data-size` (what the headless-browser test reads).
    static let script = """
        (function () {
          'use strict';
          var tip = document.getElementById('tip');
          function formatMetres(m) {
            if (m >= 1000) { var km = m / 1000; return (km >= 10 ? km.toFixed(0) : km.toFixed(km < 1 ? 2 : 1)) + ' km'; }
            return m.toFixed(0) + ' m';
          }
          Array.prototype.forEach.call(document.querySelectorAll('figure.map'), function (figure) {
            var svg = figure.querySelector('svg.qtmap');
            var content = svg.querySelector('g.content');
            var labels = svg.querySelectorAll('.scale text[data-metres]');
            var scale = 1, tx = 0, ty = 0, drag = null;
            function apply() {
              content.setAttribute('transform', 'translate(' + tx + ' ' + ty + ') scale(' + scale + ')');
              Array.prototype.forEach.call(labels, function (t) {
                var m = parseFloat(t.getAttribute('data-metres')) / scale;
                t.textContent = m === 0 ? '0' : formatMetres(m);
              });
            }
            function point(event) {
              var box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
              return [(event.clientX - box.left) * view.width / box.width, (event.clientY - box.top) * view.height / box.height];
            }
            function zoom(factor, x, y) {
              var next = Math.min(40, Math.max(1, scale * factor));
              factor = next / scale;
              tx = x - (x - tx) * factor; ty = y - (y - ty) * factor; scale = next;
              if (scale === 1) { tx = 0; ty = 0; }
              apply();
            }
            svg.addEventListener('wheel', function (event) {
              event.preventDefault();
              var p = point(event);
              zoom(event.deltaY < 0 ? 1.25 : 0.8, p[0], p[1]);
            }, { passive: false });
            svg.addEventListener('pointerdown', function (event) {
              drag = { p: point(event), tx: tx, ty: ty };
              svg.classList.add('dragging');
            });
            window.addEventListener('pointerup', function () { drag = null; svg.classList.remove('dragging'); });
            svg.addEventListener('pointermove', function (event) {
              if (drag) {
                var p = point(event);
                tx = drag.tx + p[0] - drag.p[0]; ty = drag.ty + p[1] - drag.p[1];
                apply();
              }
              var target = event.target.closest ? event.target.closest('[data-tip]') : null;
              if (target && !drag) {
                tip.textContent = target.getAttribute('data-tip');
                tip.hidden = false;
                tip.style.left = (event.clientX + 14) + 'px';
                tip.style.top = (event.clientY + 14) + 'px';
              } else {
                tip.hidden = true;
              }
            });
            svg.addEventListener('pointerleave', function () { tip.hidden = true; });
            Array.prototype.forEach.call(figure.querySelectorAll('.map-tools button'), function (button) {
              button.addEventListener('click', function () {
                var view = svg.viewBox.baseVal, action = button.getAttribute('data-zoom');
                if (action === 'reset') { scale = 1; tx = 0; ty = 0; apply(); }
                else { zoom(action === 'in' ? 1.5 : 1 / 1.5, view.width / 2, view.height / 2); }
              });
            });
            var box = svg.getBoundingClientRect();
            figure.setAttribute('data-size', Math.round(box.width) + 'x' + Math.round(box.height));
          });
          document.body.setAttribute('data-ready', 'true');
        })();
        """
}
