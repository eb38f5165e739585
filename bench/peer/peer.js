// The peer: FullCalendar 6's time-grid view showing the same plan, read from the
// same localStorage record, saving each change back the same way. It marks
// "app-drawn" when the calendar is rendered, as Intensive Planner does.
(function () {
  const id = new URLSearchParams(location.search).get("plan");
  const key = `intensive-planner/plan/${id}`;
  const record = JSON.parse(localStorage.getItem(key));
  const plan = record.plan;
  const [y, m, d] = plan.first_day.split("-").map(Number);
  const dayDate = (day) => new Date(y, m - 1, d + day - 1);
  const at = (day, hhmmss) => {
    const [h, min] = hhmmss.split(":").map(Number);
    const date = dayDate(day);
    date.setHours(h, min, 0, 0);
    return date;
  };
  const events = plan.blocks.map((b) => {
    const start = at(b.day, b.start);
    return { id: String(b.id), title: b.title, start, end: new Date(start.getTime() + b.minutes * 60000) };
  });
  const shownDays = Math.max(plan.days.length, ...plan.blocks.map((b) => b.day));
  const calendar = new FullCalendar.Calendar(document.getElementById("calendar"), {
    initialView: "timeGrid",
    initialDate: dayDate(1),
    duration: { days: shownDays },
    slotMinTime: "08:00:00",
    slotMaxTime: "18:00:00",
    snapDuration: "00:15:00",
    editable: true,
    allDaySlot: false,
    height: "auto",
    events,
    eventChange(info) {
      const block = plan.blocks.find((b) => String(b.id) === info.event.id);
      const s = info.event.start;
      block.start = `${String(s.getHours()).padStart(2, "0")}:${String(s.getMinutes()).padStart(2, "0")}:00`;
      plan.revision += 1;
      localStorage.setItem(key, JSON.stringify(record));
    },
  });
  calendar.render();
  window.peerCalendar = calendar;
  performance.mark("app-drawn");
})();
