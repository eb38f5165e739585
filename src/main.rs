fn main() {
    intensive_planner::ui::mount();
}
